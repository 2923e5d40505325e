package io.launcher.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A flag's path ({@code --root DIR}) by {@link Path#of}: picocli's own converter for the type
 * calls {@code Paths.get} by reflection (~0.4 ms on a call's first use). A bad path fails in
 * picocli's words.
 */
final class PathValue implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new TypeConversionException(String.format("cannot convert '%s' to %s (%s)", value, Path.class, e));
        }
    }
}
