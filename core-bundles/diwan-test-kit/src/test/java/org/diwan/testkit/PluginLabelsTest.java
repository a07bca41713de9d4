package org.diwan.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.diwan.api.plugin.DiwanPlugin;
import org.diwan.api.plugin.NavEntry;
import org.diwan.api.plugin.PermissionDef;
import org.diwan.api.plugin.PluginDescriptor;
import org.diwan.api.workflow.WorkflowDefinition;
import org.diwan.api.workflow.WorkflowProvider;
import org.junit.jupiter.api.Test;

class PluginLabelsTest {

    /** The bundles under src/test/resources/messages hold the texts of this plugin, with gaps on purpose. */
    private static DiwanPlugin plugin(String... permissions) {
        List<PermissionDef> declared = java.util.Arrays.stream(permissions).map(PermissionDef::new).toList();
        return () -> new PluginDescriptor("sample", null, declared,
                List.of(new NavEntry("/diwan/sample/things", "sample.nav.things", declared.get(0).id(), 1)));
    }

    @Test
    void findsNothingMissingAmongTheDescriptorsLabelsButKeysOneBundleLacks() {
        assertThat(PluginLabels.problems(plugin("sample:thing:read"))).containsExactly(
                "sample.only.english: in another language but not in messages_ar",
                "sample.only.english: in another language but not in messages_fr",
                "sample.workflow.thing.transition.close: in another language but not in messages_fr");
    }

    @Test
    void namesEachMissingOrUntranslatedLabel() {
        assertThat(PluginLabels.problems(plugin("sample:thing:read", "sample:thing:write", "sample:thing:delete"))).contains(
                "sample.permission.thing.write: the Arabic text is not in Arabic: Write things",
                "sample.permission.thing.delete: missing in messages_ar",
                "sample.permission.thing.delete: missing in messages_en",
                "sample.permission.thing.delete: missing in messages_fr");
    }

    /** A plugin that also offers a workflow: its states and transitions are texts too. */
    private static final class WithWorkflow implements DiwanPlugin, WorkflowProvider {

        @Override
        public PluginDescriptor descriptor() {
            return plugin("sample:thing:read").descriptor();
        }

        @Override
        public List<WorkflowDefinition> workflows() {
            return List.of(WorkflowDefinition.builder("sample.thing").states("open", "closed").initial("open").finals("closed")
                    .transition("close", "sample:thing:read", "closed", null, "open").build());
        }
    }

    @Test
    void checksTheLabelsOfTheWorkflowsAPluginOffers() {
        assertThat(PluginLabels.problems(new WithWorkflow())).contains(
                "sample.workflow.thing.transition.close: missing in messages_fr")
                .noneMatch(problem -> problem.startsWith("sample.workflow.thing.state."));
    }
}
