package org.diwan.web.internal.record;

import java.util.List;
import java.util.Map;

/** What the record flow decided to answer, before anything is written: so that every branch is tested without HTTP. */
public sealed interface Answer {

    /** A page from the plugin's template. */
    record Page(int status, String template, Map<String, Object> model) implements Answer {
    }

    /** 303-style post-redirect-get (the servlet API sends 302, which browsers follow with GET). */
    record Redirect(String location) implements Answer {
    }

    /** The shell's error page with this status and message key. */
    record Refusal(int status, String messageKey) implements Answer {
    }

    /** A record's file, sent with the shell's headers for user files. */
    record File(org.diwan.api.web.record.RecordFile file) implements Answer {
    }

    /** The filtered list as a spreadsheet: the first row holds the headings. */
    record Csv(String fileName, List<List<String>> rows) implements Answer {
    }
}
