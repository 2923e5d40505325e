package io.launcher.cli;

import java.nio.file.Path;
import java.util.List;
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
 * <p>
 * The values reach the command through its {@link Fields}, by the flag's last name or the
 * operand's label, and not through one lambda per flag: each lambda is an invokedynamic call site
 * that the JVM links on first use (~0.2 ms each before the JIT, 30 of them for {@code run}), even
 * though the class-data archive holds the lambda classes.
 */
final class CommandDeclaration {
    private static final String[] NO_DESCRIPTION = {};

    /**
     * Where a command's values go: {@code name} is the flag's last name ({@code "--detach"} of
     * {@code "-d --detach"}) or the operand's label ({@code "IMAGE"}); {@code value} has the type
     * the flag was declared with (a {@code List} for a repeated flag or a range of operands).
     */
    interface Fields {
        void set(String name, Object value);
    }

    /** Flags declared once and shared by several commands (picocli's mixins), with their own fields. */
    interface Mixin extends Fields {
        void declare(CommandDeclaration command);
    }

    private final CommandSpec spec;
    private final Object command;
    private Fields fields;

    private CommandDeclaration(CommandSpec spec, Object command) {
        this.spec = spec;
        this.command = command;
    }

    /**
     * A command named {@code name} that runs {@code command} (its {@code call()}); a command with
     * flags or operands implements {@link Fields}.
     */
    static CommandDeclaration command(Object command, String name, String... description) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        // No text here has picocli's ${...} variables: scanning every flag's names for them cost
        // ~1.5 ms of a run's model. Descriptions are then printed as written, not as format strings
        // (a percent sign is "%", not "%%").
        spec.interpolateVariables(false);
        spec.name(name);
        spec.usageMessage().description(description);
        return new CommandDeclaration(spec, command);
    }

    /** The failure of a {@link Fields#set} given a name it does not know: a flag declared without its field. */
    static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("no field for " + name);
    }

    /** A list value as {@link Fields#set} gets it: picocli fills it with the declared element type. */
    @SuppressWarnings("unchecked")
    static <T> List<T> list(Object value) {
        return (List<T>) value;
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

    /** Flags declared elsewhere and shared by several commands (picocli's mixins), bound to the mixin's fields. */
    CommandDeclaration with(Mixin flags) {
        Fields own = fields;
        fields = flags;
        flags.declare(this);
        fields = own;
        return this;
    }

    /** The {@code --help} of every command. */
    CommandDeclaration help() {
        spec.addOption(OptionSpec.builder("--help").usageHelp(true).description("Print usage").build());
        return this;
    }

    CommandDeclaration flag(String names, String description) {
        return add(OptionSpec.builder(split(names)).type(boolean.class), description);
    }

    /** A flag that is on unless turned off ({@code --no-pause}, {@code --pause=false}). */
    CommandDeclaration flagOnByDefault(String names, String description) {
        return add(OptionSpec.builder(split(names)).type(boolean.class).negatable(true).defaultValue("true")
                .fallbackValue("true"), description);
    }

    CommandDeclaration option(String names, String label, String description) {
        return option(names, label, description, String.class);
    }

    <T> CommandDeclaration option(String names, String label, String description, Class<T> type) {
        OptionSpec.Builder option = OptionSpec.builder(split(names)).paramLabel(label).type(type);
        if (type == Path.class) {
            option.converters(new PathValue());
        }
        return add(option, description);
    }

    <T> CommandDeclaration option(String names, String label, String description, ITypeConverter<T> converter,
            Class<T> type) {
        return add(OptionSpec.builder(split(names)).paramLabel(label).type(type).converters(converter), description);
    }

    /** An option given once per value ({@code -e A=1 -e B=2}). */
    CommandDeclaration repeated(String names, String label, String description) {
        return add(OptionSpec.builder(split(names)).paramLabel(label).type(List.class).auxiliaryTypes(String.class), description);
    }

    <T> CommandDeclaration repeated(String names, String label, String description, ITypeConverter<T> converter,
            Class<T> element) {
        return add(OptionSpec.builder(split(names)).paramLabel(label).type(List.class).auxiliaryTypes(element)
                .converters(converter), description);
    }

    /** One operand at {@code index}, required; {@code description} may be null (none shown). */
    CommandDeclaration operand(String index, String label, String description) {
        return add(PositionalParamSpec.builder().index(index).paramLabel(label).type(String.class).required(true), description);
    }

    /** One operand that may be left out. */
    CommandDeclaration optionalOperand(String index, String label, String description) {
        return add(PositionalParamSpec.builder().index(index).arity("0..1").paramLabel(label).type(String.class), description);
    }

    /**
     * The operands at {@code index} (a range), required when {@code arity} asks for at least one;
     * a null {@code arity} is picocli's default for a list, none or more.
     */
    CommandDeclaration operands(String index, String arity, String label, String description) {
        Range range = Range.valueOf(arity == null ? "0..1" : arity);
        return add(PositionalParamSpec.builder().index(index).arity(range.toString()).required(range.min() > 0)
                .paramLabel(label).type(List.class).auxiliaryTypes(String.class), description);
    }

    CommandSpec spec() {
        return spec;
    }

    private CommandDeclaration add(OptionSpec.Builder option, String description) {
        String[] names = option.names();
        FieldBinding binding = new FieldBinding(fields(), names[names.length - 1]);
        spec.addOption(option.description(descriptionOf(description)).getter(binding).setter(binding).build());
        return this;
    }

    private CommandDeclaration add(PositionalParamSpec.Builder operand, String description) {
        FieldBinding binding = new FieldBinding(fields(), operand.paramLabel());
        spec.addPositional(operand.description(descriptionOf(description)).getter(binding).setter(binding).build());
        return this;
    }

    /** The fields of the mixin being declared, else the command's own. */
    private Fields fields() {
        if (fields == null) {
            fields = (Fields) command;
        }
        return fields;
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
    private static final class FieldBinding implements IGetter, ISetter {
        private final Fields fields;
        private final String name;
        private Object value;

        FieldBinding(Fields fields, String name) {
            this.fields = fields;
            this.name = name;
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
                fields.set(name, newValue);
            }
            return old;
        }
    }
}
