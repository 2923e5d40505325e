package io.launcher.network.bridge;

import io.launcher.network.bridge.FirewallRules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Applies {@link FirewallRules} with the iptables tools. Set-up checks each rule with
 * {@code iptables -C} before adding it, so that running it again changes nothing; per-container
 * rules go in and out in one {@code iptables-restore --noflush} transaction each.
 */
final class Iptables {
    private final HostTools.Iptables tools;
    private final CommandRunner runner;

    Iptables(HostTools.Iptables tools, CommandRunner runner) {
        this.tools = tools;
        this.runner = runner;
    }

    /** Creates the chains that are missing. */
    void ensureChains(List<Rule> chains) {
        for (Rule chain : chains) {
            if (!chainExists(chain)) {
                runner.run(tools.iptables(), "", "-w", "-t", chain.table(), "-N", chain.chain()).orFail("create chain", chain.chain());
            }
        }
    }

    /** Adds each rule that is not there yet, appending or (when {@code first}) inserting it. */
    void ensureRules(List<Rule> rules, boolean first) {
        for (Rule rule : rules) {
            if (!exists(rule)) {
                String op = first ? "-I" : "-A";
                runner.run(tools.iptables(), "", args(rule, op)).orFail("add rule to", rule.table() + " " + rule.chain());
            }
        }
    }

    /** Deletes each rule that is there. */
    void removeRules(List<Rule> rules) {
        for (Rule rule : rules) {
            while (exists(rule)) {
                runner.run(tools.iptables(), "", args(rule, "-D")).orFail("delete rule from", rule.table() + " " + rule.chain());
            }
        }
    }

    /** Deletes the chains that are there and empty; a chain still holding rules stays. */
    void removeEmptyChains(List<Rule> chains) {
        for (Rule chain : chains) {
            if (chainExists(chain) && rulesIn(chain.table(), chain.chain()).isEmpty()) {
                runner.run(tools.iptables(), "", "-w", "-t", chain.table(), "-X", chain.chain()).orFail("delete chain", chain.chain());
            }
        }
    }

    /** Appends rules of one table in one transaction. */
    void add(String table, List<Rule> rules) {
        restore(table, rules.stream().map(rule -> rule.restoreLine("-A")).toList());
    }

    /**
     * Deletes every rule of {@code chain} whose comment is one of {@code comments}; returns how many.
     * The rules are read back from iptables-save, so this works after an engine restart too.
     */
    int removeTagged(String table, String chain, Set<String> comments) {
        List<String> deletions = new ArrayList<>();
        for (String line : rulesIn(table, chain)) {
            if (comments.contains(comment(line))) {
                deletions.add("-D" + line.substring(2));
            }
        }
        if (!deletions.isEmpty()) {
            restore(table, deletions);
        }
        return deletions.size();
    }

    /** The {@code -A CHAIN ...} lines of one chain, as iptables-save prints them. */
    List<String> rulesIn(String table, String chain) {
        String saved = runner.run(tools.save(), "", "-t", table).orFail("read iptables table", table).stdout();
        String prefix = "-A " + chain + " ";
        return saved.lines().filter(line -> line.startsWith(prefix)).toList();
    }

    private boolean chainExists(Rule chain) {
        return runner.run(tools.iptables(), "", "-w", "-t", chain.table(), "-S", chain.chain()).succeeded();
    }

    private boolean exists(Rule rule) {
        return runner.run(tools.iptables(), "", args(rule, "-C")).succeeded();
    }

    private void restore(String table, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        StringBuilder script = new StringBuilder("*").append(table).append('\n');
        lines.forEach(line -> script.append(line).append('\n'));
        script.append("COMMIT\n");
        runner.run(tools.restore(), script.toString(), "-w", "--noflush").orFail("update iptables table", table);
    }

    private static String[] args(Rule rule, String op) {
        List<String> args = new ArrayList<>(List.of("-w", "-t", rule.table(), op, rule.chain()));
        args.addAll(rule.spec());
        return args.toArray(String[]::new);
    }

    /** The value of {@code --comment} in a saved rule, without the quotes iptables-save may add. */
    static String comment(String line) {
        String[] tokens = line.split(" ");
        for (int i = 0; i + 1 < tokens.length; i++) {
            if (tokens[i].equals("--comment")) {
                String value = tokens[i + 1];
                return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
            }
        }
        return "";
    }
}
