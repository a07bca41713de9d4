package org.diwan.web.internal.record;

import java.util.Map;

import org.diwan.api.web.record.Upload;

/** A submitted form as the record flow reads it, and only once it has decided the visitor may send it. */
public interface FormBody {

    /** The form's fields, first value of each. */
    Map<String, String> fields();

    /** The file of a multipart form's field. */
    FileResult file(String field);

    static FormBody of(Map<String, String> fields) {
        return new FormBody() {
            @Override
            public Map<String, String> fields() {
                return fields;
            }

            @Override
            public FileResult file(String field) {
                return new FileResult.Missing();
            }
        };
    }

    /** What became of a form's file. */
    sealed interface FileResult {

        record Received(Upload upload) implements FileResult {
        }

        /** Over the documents limit: the shell cut the body there and kept nothing. */
        record TooLarge(long limit) implements FileResult {
        }

        /** No file, or an empty one. */
        record Missing() implements FileResult {
        }
    }
}
