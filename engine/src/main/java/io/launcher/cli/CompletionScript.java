package io.launcher.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes the bash completion script from the command tree: commands, subcommands and flags
 * come from picocli's model, so they never drift from the CLI. Operands named CONTAINER or IMAGE
 * complete with names the engine lists at that moment ({@code ps -a}, {@code images}), which
 * picocli's own AutoComplete cannot do (its candidates are fixed when the script is made).
 */
final class CompletionScript {
    private static final String HEADER = """
            # bash completion for launcher: source it, or save it as
            # /etc/bash_completion.d/launcher (made by `launcher completion bash`)

            _launcher_names() {
                local cmd=$1; shift
                case $cmd in
                    container) "${_launcher_call[@]}" ps -a --format '{{.Names}}' 2>/dev/null ;;
                    image) "${_launcher_call[@]}" images --format '{{.Repository}}:{{.Tag}}' 2>/dev/null | grep -v '<none>' ;;
                esac
            }

            _launcher() {
                local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
                local -a _launcher_call=("${COMP_WORDS[0]}")
                local i word command="" sub="" start=0
                for ((i = 1; i < COMP_CWORD; i++)); do
                    word=${COMP_WORDS[i]}
                    case $word in
                        --root|-H|--host) _launcher_call+=("$word" "${COMP_WORDS[i+1]}"); ((i++)) ;;
                        -*) ;;
                        *) command=$word; start=$((i + 1)); break ;;
                    esac
                done
                if [[ -z $command ]]; then
                    case $prev in --root|-H|--host) COMPREPLY=($(compgen -f -- "$cur")); return ;; esac
                    if [[ $cur == -* ]]; then
                        COMPREPLY=($(compgen -W "--root -H --host --help -v --version" -- "$cur"))
                    else
                        COMPREPLY=($(compgen -W "$_launcher_commands" -- "$cur"))
                    fi
                    return
                fi
                local flags="" valued="" operand="" repeat=0 subs=""
                _launcher_spec "$command"
                if [[ -n $subs ]]; then
                    for ((i = start; i < COMP_CWORD; i++)); do
                        [[ ${COMP_WORDS[i]} == -* ]] || { sub=${COMP_WORDS[i]}; start=$((i + 1)); break; }
                    done
                    if [[ -z $sub ]]; then
                        COMPREPLY=($(compgen -W "$subs --help" -- "$cur"))
                        return
                    fi
                    _launcher_spec "$command $sub"
                fi
                if [[ " $valued " == *" $prev "* ]]; then
                    COMPREPLY=($(compgen -f -- "$cur"))
                    return
                fi
                if [[ $cur == -* ]]; then
                    COMPREPLY=($(compgen -W "$flags" -- "$cur"))
                    return
                fi
                local operands=0
                for ((i = start; i < COMP_CWORD; i++)); do
                    word=${COMP_WORDS[i]}
                    if [[ " $valued " == *" $word "* ]]; then ((i++)); elif [[ $word != -* ]]; then ((operands++)); fi
                done
                if ((operands > 0 && repeat == 0)); then
                    COMPREPLY=($(compgen -f -- "$cur"))
                    return
                fi
                case $operand in
                    container|image) COMPREPLY=($(compgen -W "$(_launcher_names "$operand")" -- "$cur")) ;;
                    file) COMPREPLY=($(compgen -f -- "$cur")) ;;
                    *) COMPREPLY=() ;;
                esac
            }

            """;

    private CompletionScript() {
    }

    static String bash(CommandLine root) {
        StringBuilder script = new StringBuilder(HEADER);
        script.append("_launcher_commands=\"").append(String.join(" ", root.getSubcommands().keySet())).append("\"\n\n");
        script.append("_launcher_spec() {\n    case $1 in\n");
        for (Map.Entry<String, CommandLine> command : root.getSubcommands().entrySet()) {
            caseOf(script, command.getKey(), command.getValue());
            for (Map.Entry<String, CommandLine> sub : command.getValue().getSubcommands().entrySet()) {
                caseOf(script, command.getKey() + " " + sub.getKey(), sub.getValue());
            }
        }
        script.append("    esac\n}\n\ncomplete -F _launcher launcher\n");
        return script.toString();
    }

    private static void caseOf(StringBuilder script, String key, CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        List<String> flags = new ArrayList<>();
        List<String> valued = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            flags.addAll(List.of(option.names()));
            if (option.arity().max() > 0) {
                valued.addAll(List.of(option.names()));
            }
        }
        List<PositionalParamSpec> positionals = spec.positionalParameters();
        String operand = positionals.isEmpty() ? "" : kind(positionals.get(0).paramLabel());
        boolean repeat = !positionals.isEmpty() && positionals.get(0).arity().max() > 1;
        script.append("        \"").append(key).append("\") flags=\"").append(String.join(" ", flags))
                .append("\" valued=\"").append(String.join(" ", valued))
                .append("\" operand=").append(operand.isEmpty() ? "\"\"" : operand)
                .append(" repeat=").append(repeat ? 1 : 0)
                .append(" subs=\"").append(command.getSubcommands().keySet().stream().collect(Collectors.joining(" ")))
                .append("\" ;;\n");
    }

    /** What an operand names, read from its label (CONTAINER, IMAGE, SOURCE_IMAGE, FILE|URL|-). */
    static String kind(String label) {
        String upper = label.toUpperCase(Locale.ROOT);
        if (upper.contains("CONTAINER")) {
            return "container";
        }
        if (upper.contains("IMAGE")) {
            return "image";
        }
        if (upper.contains("FILE") || upper.contains("PATH") || upper.contains("DIR")) {
            return "file";
        }
        return "";
    }
}
