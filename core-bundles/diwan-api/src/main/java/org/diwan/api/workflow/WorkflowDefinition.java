package org.diwan.api.workflow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A plugin's state machine: its states (one initial, some final) and the transitions between them. Named
 * {@code <plugin>.<name>} ({@code helpdesk.ticket}); its labels are the plugin's message keys
 * {@code <plugin>.workflow.<name>.state.<id>} and {@code <plugin>.workflow.<name>.transition.<id>}.
 *
 * <pre>
 * WorkflowDefinition.builder("helpdesk.ticket")
 *     .states("new", "assigned", "waiting", "resolved", "closed").initial("new").finals("closed")
 *     .transition("assign", "helpdesk:ticket:assign", "assigned", Due.workingHours(4), "new")
 *     .transition("ask", "helpdesk:ticket:work", "waiting", null, "assigned")
 *     .transition("resolve", "helpdesk:ticket:work", "resolved", null, "assigned", "waiting")
 *     .transition("close", "helpdesk:ticket:work", "closed", null, "resolved")
 *     .commented("reopen", "helpdesk:ticket:read", "assigned", Due.workingDays(1), "resolved")
 *     .build();
 * </pre>
 */
public record WorkflowDefinition(String name, List<String> states, String initial, Set<String> finals, List<Transition> transitions) {

    private static final String NAME = "[a-z][a-z0-9-]{0,31}\\.[a-z][a-z0-9-]{0,31}";

    public WorkflowDefinition {
        if (name == null || !name.matches(NAME)) {
            throw new IllegalArgumentException("a workflow is named <plugin>.<name> in lower case: " + name);
        }
        states = List.copyOf(states);
        finals = Set.copyOf(finals);
        transitions = List.copyOf(transitions);
        states.forEach(s -> checkId("state", s));
        if (new LinkedHashSet<>(states).size() != states.size()) {
            throw new IllegalArgumentException(name + ": a state is declared twice");
        }
        if (!states.contains(initial)) {
            throw new IllegalArgumentException(name + ": the initial state " + initial + " is not declared");
        }
        if (!states.containsAll(finals)) {
            throw new IllegalArgumentException(name + ": a final state is not declared: " + finals);
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Transition t : transitions) {
            if (!ids.add(t.id())) {
                throw new IllegalArgumentException(name + ": transition " + t.id() + " is declared twice");
            }
            if (!states.contains(t.to()) || !states.containsAll(t.from())) {
                throw new IllegalArgumentException(name + ": transition " + t.id() + " names an undeclared state");
            }
            if (t.from().stream().anyMatch(finals::contains)) {
                throw new IllegalArgumentException(name + ": transition " + t.id() + " leaves a final state");
            }
        }
    }

    /** The plugin the workflow belongs to: the part of its name before the dot. */
    public String plugin() {
        return name.substring(0, name.indexOf('.'));
    }

    public Optional<Transition> transition(String id) {
        return transitions.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The transitions leaving {@code state}, in declaration order. */
    public List<Transition> from(String state) {
        return transitions.stream().filter(t -> t.from().contains(state)).toList();
    }

    public String stateLabelKey(String state) {
        return plugin() + ".workflow." + name.substring(name.indexOf('.') + 1) + ".state." + state;
    }

    public String transitionLabelKey(String transition) {
        return plugin() + ".workflow." + name.substring(name.indexOf('.') + 1) + ".transition." + transition;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    static void checkId(String what, String id) {
        if (id == null || !id.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException("a " + what + " id is a lower-case word of up to 32 characters: " + id);
        }
    }

    /** Builds a definition in the order one reads a state diagram. */
    public static final class Builder {

        private final String name;
        private final List<String> states = new ArrayList<>();
        private final Set<String> finals = new LinkedHashSet<>();
        private final List<Transition> transitions = new ArrayList<>();
        private String initial;

        private Builder(String name) {
            this.name = name;
        }

        public Builder states(String... ids) {
            states.addAll(List.of(ids));
            return this;
        }

        public Builder initial(String id) {
            this.initial = Objects.requireNonNull(id, "initial");
            return this;
        }

        public Builder finals(String... ids) {
            finals.addAll(List.of(ids));
            return this;
        }

        /** A transition without a comment; {@code due} may be null. */
        public Builder transition(String id, String permission, String to, Due due, String... from) {
            transitions.add(new Transition(id, Set.of(from), to, permission, false, due));
            return this;
        }

        /** A transition whose firing must say why. */
        public Builder commented(String id, String permission, String to, Due due, String... from) {
            transitions.add(new Transition(id, Set.of(from), to, permission, true, due));
            return this;
        }

        public WorkflowDefinition build() {
            return new WorkflowDefinition(name, states, initial, finals, transitions);
        }
    }
}
