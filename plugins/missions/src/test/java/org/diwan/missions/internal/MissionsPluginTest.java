package org.diwan.missions.internal;

import org.diwan.testkit.PluginLabels;
import org.junit.jupiter.api.Test;

class MissionsPluginTest {

    @Test
    void namesItsDepartmentPermissionsAndPagesInEveryLanguage() {
        PluginLabels.assertComplete(new MissionsPlugin());
    }
}
