package io.launcher.cli;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Range;

/**
 * One command's model for picocli, declared in code: name, help text, flags and operands, each
 * bound to a field of the command through a setter. Picocli's annotations would say the same, but
 * reading them costs a CLI call about half of its own CPU time (a dynamic proxy class for each
 * annotation type and the parsing of every annotated member, by reflection, on every call); this
 * builds the same {@link CommandSpec} with a few allocations. Names are given as one string,
 * separated by spaces ({@code "-d --detach"}).
 */
final class CommandDeclaration {
    private static final String[] NO_DESCRIPTION = {};

    private final CommandSpec spec;

    private CommandDeclaration(CommandSpec spec) {
        this.spec = spec;
    }

    /** A command named {@code name} that runs {@code command} (its {@code call()}). */
    static CommandDeclaration command(Object command, String name, String... description) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name(name);
        spec.usageMessage().description(description);
        return new CommandDeclaration(spec);
    }

    CommandDeclaration footer(String... lines) {
        spec.usageMessage().footer(lines);
        return this;
    }

    /** A synopsis written by hand, in place of the one picocli makes from the flags. */
    CommandDeclaration synopsis(String... lines) {
        spec.usageMessage().customSynopsis(lines);
        return this;
    }

    CommandDeclaration version(IVersionProvider provider, String names, String description) {
        spec.versionProvider(provider);
        spec.addOption(OptionSpec.builder(split(names)).versionHelp(true).description(description).build());
        return this;
    }

    CommandDeclaration subcommand(CommandSpec subcommand) {
        spec.addSubcommand(subcommand.name(), new CommandLine(subcommand));
        return this;
    }

    /** Flags declared elsewhere and shared by several commands (picocli's mixins). */
    CommandDeclaration with(UnaryOperator<CommandDeclaration> flags) {
        return flags.apply(this);
    }

    /** The {@code --help} of every command. */
    CommandDeclaration help() {
        spec.addOption(OptionSpec.builder("--help").usageHelp(true).description("Print usage").build());
        return this;
    }

    CommandDeclaration flag(String names, String description, Consumer<Boolean> field) {
        return add(OptionSpec.builder(split(names)).type(boolean.class), description, field);
    }

    /** A flag that is on unless turned off ({@code --no-pause}, {@code --pause=false}). */
    CommandDeclaration flagOnByDefault(String names, String description, Consumer<Boolean> field) {
        return add(OptionSpec.builder(split(names)).type(boolean.class).negatable(true).defaultValue("true")
                .fallbackValue("true"), description, field);
    }

    CommandDeclaration option(String names, String label, String description, Consumer<String> field) {
        return option(names, label, description, String.class, field);
    }

    <T> CommandDeclaration option(String names, String label, String description, Class<T> type, Consumer<T> field) {
        return add(OptionSpec.builder(split(names)).paramLabel(label).type(type), description, field);
    }

    <T> CommandDeclaration option(String names, String label, String description, ITypeConverter<T> converter,
            Class<T> type, Consumer<T> field) {
        return add(OptionSpec.builder(split(names)).paramLabel(label).type(type).converters(converter), description,
                field);
    }

    /** An option given once per value ({@code -e A=1 -e B=2}). */
    CommandDeclaration repeated(String names, String label, String description, Consumer<List<String>> field) {
        return add(OptionSpec.builder(split(names)).paramLabel(label).type(List.class).auxiliaryTypes(String.class),
                description, field);
    }

    <T> CommandDeclaration repeated(String names, String label, String description, ITypeConverter<T> converter,
            Class<T> element, Consumer<List<T>> field) {
        return add(OptionSpec.builder(split(names)).paramLabel(label).type(List.class).auxiliaryTypes(element)
                .converters(converter), description, field);
    }

    /** One operand at {@code index}, required; {@code description} may be null (none shown). */
    CommandDeclaration operand(String index, String label, String description, Consumer<String> field) {
        return add(PositionalParamSpec.builder().index(index).paramLabel(label).type(String.class).required(true),
                description, field);
    }

    /** One operand that may be left out. */
    CommandDeclaration optionalOperand(String index, String label, String description, Consumer<String> field) {
        return add(PositionalParamSpec.builder().index(index).arity("0..1").paramLabel(label).type(String.class),
                description, field);
    }

    /**
     * The operands at {@code index} (a range), required when {@code arity} asks for at least one;
     * a null {@code arity} is picocli's default for a list, none or more.
     */
    CommandDeclaration operands(String index, String arity, String label, String description,
            Consumer<List<String>> field) {
        Range range = Range.valueOf(arity == null ? "0..1" : arity);
        return add(PositionalParamSpec.builder().index(index).arity(range.toString()).required(range.min() > 0)
                .paramLabel(label).type(List.class).auxiliaryTypes(String.class), description, field);
    }

    CommandSpec spec() {
        return spec;
    }

    private <T> CommandDeclaration add(OptionSpec.Builder option, String description, Consumer<T> field) {
        FieldBinding<T> binding = new FieldBinding<>(field);
        spec.addOption(option.description(descriptionOf(description)).getter(binding).setter(binding).build());
        return this;
    }

    private <T> CommandDeclaration add(PositionalParamSpec.Builder operand, String description, Consumer<T> field) {
        FieldBinding<T> binding = new FieldBinding<>(field);
        spec.addPositional(operand.description(descriptionOf(description)).getter(binding).setter(binding).build());
        return this;
    }

    private static String[] descriptionOf(String description) {
        return description == null ? NO_DESCRIPTION : new String[] {description};
    }

    private static String[] split(String names) {
        return names.split(" ");
    }

    /**
     * Picocli's view of a field: it writes through the setter and reads back what it wrote (a list
     * option reads its list to add to it). A field nothing was written to keeps its initial value.
     */
    private static final class FieldBinding<T> implements IGetter, ISetter {
        private final Consumer<T> field;
        private Object value;

        FieldBinding(Consumer<T> field) {
            this.field = field;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <V> V get() {
            return (V) value;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <V> V set(V newValue) {
            V old = (V) value;
            value = newValue;
            if (newValue != null) {
                field.accept((T) newValue);
            }
            return old;
        }
    }
}
