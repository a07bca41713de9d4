package org.diwan.testplugin.notes;

import org.diwan.testkit.PluginLabels;
import org.junit.jupiter.api.Test;

class NotesPluginTest {

    @Test
    void namesItsDepartmentPermissionsAndPagesInEveryLanguage() {
        PluginLabels.assertComplete(new NotesPlugin());
    }
}
