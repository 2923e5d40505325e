package io.launcher.cli;

import io.launcher.api.LauncherException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Builds the command tree and runs one invocation, mapping every failure to one line on stderr
 * and Docker's exit codes: 125 for bad flags (and anything that stops {@code run}/{@code create}
 * before the container runs), 1 for an engine error of another command.
 */
public final class Cli {
    static final int ENGINE_FAILED = 1;
    static final int CANNOT_RUN = 125;

    private Cli() {
    }

    /** Runs one command line; returns the process's exit code. */
    public static int execute(Session session, String... args) {
        CommandLine line = CommandTable.tree(new LauncherCommand(session), CommandTable.requested(args));
        line.setExpandAtFiles(false);
        line.setOverwrittenOptionsAllowed(true);
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setOut(new PrintWriter(session.out(), true));
        line.setErr(new PrintWriter(session.err(), true));
        Failures failures = new Failures(session.err());
        line.setParameterExceptionHandler(failures);
        line.setExecutionExceptionHandler(failures);
        return line.execute(args);
    }

    /**
     * Picocli's two failure hooks, as a class rather than lambdas: the JDK 17 class-data archive
     * (bin/launcher) leaves out a picocli interface (Java 5 bytecode) once a lambda made it link
     * while the archive was written, and every class that implements it with it.
     */
    private static final class Failures implements IParameterExceptionHandler, IExecutionExceptionHandler {
        private final PrintStream err;

        Failures(PrintStream err) {
            this.err = err;
        }

        @Override
        public int handleParseException(ParameterException problem, String[] args) {
            return usageFailure(err, problem);
        }

        @Override
        public int handleExecutionException(Exception problem, CommandLine command, ParseResult parsed) {
            return failure(err, problem, command);
        }
    }

    private static int usageFailure(PrintStream err, ParameterException problem) {
        // One line, as every bad input gets (CONTRACT.md): the problem, then where help is.
        CommandSpec command = problem.getCommandLine().getCommandSpec();
        String name = command.qualifiedName();
        if (problem instanceof MissingParameterException missing && noOption(missing.getMissing())) {
            // the docker CLI's arity check: its words, and 1 where a bad flag gets 125
            int needed = 0;
            for (PositionalParamSpec operand : command.positionalParameters()) {
                needed += operand.arity().min();
            }
            err.println("launcher: '" + name + "' requires at least " + needed + (needed == 1 ? " argument" : " arguments")
                    + " (see '" + name + " --help')");
            return ENGINE_FAILED;
        }
        err.println("launcher: " + problem.getMessage() + " (see '" + name + " --help')");
        return CANNOT_RUN;
    }

    /** Whether none of these is a flag (a loop: {@code ArgSpec::isOption} would link ArgSpec, see Failures). */
    private static boolean noOption(List<ArgSpec> missing) {
        for (ArgSpec arg : missing) {
            if (arg.isOption()) {
                return false;
            }
        }
        return true;
    }

    private static int failure(PrintStream err, Exception problem, CommandLine command) {
        if (problem instanceof ParameterException usage) {
            return usageFailure(err, usage);
        }
        if (problem instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return 130;
        }
        String message = describe(problem);
        if (CommandTable.createsContainers(command.getCommandName())) {
            err.println("launcher: " + message);
            return CANNOT_RUN;
        }
        err.println(message);
        return ENGINE_FAILED;
    }

    /** One line for the user: engine faults as Docker words them, host faults like Go's os errors. */
    static String describe(Throwable problem) {
        if (problem instanceof LauncherException) {
            return "Error response from daemon: " + problem.getMessage();
        }
        if (problem instanceof NoSuchFileException missing) {
            return "open " + missing.getFile() + ": no such file or directory";
        }
        if (problem instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + ": file exists";
        }
        if (problem.getCause() != null && problem.getMessage() == null) {
            return describe(problem.getCause());
        }
        String text = problem.getMessage();
        return text == null || text.isBlank() ? problem.getClass().getSimpleName() : text;
    }
}
