package org.diwan.library.internal;

import org.diwan.testkit.PluginLabels;
import org.junit.jupiter.api.Test;

class LibraryPluginTest {

    @Test
    void namesItsDepartmentPermissionsAndPagesInEveryLanguage() {
        PluginLabels.assertComplete(new LibraryPlugin());
    }
}
