package io.launcher.cli;

import io.launcher.engine.MinFreeSpace;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --min-free-space}: a share of the filesystem ({@code 10%}) or a size in Docker's units
 * ({@code 2g}, {@code 512MiB}); {@code 0} keeps no reserve. BuildKit's {@code minFreeSpace}
 * takes the same two forms.
 */
public final class FreeSpaceOption implements ITypeConverter<MinFreeSpace> {

    static MinFreeSpace parse(String text) {
        String value = text == null ? "" : text.strip();
        if (value.endsWith("%")) {
            try {
                double percent = Double.parseDouble(value.substring(0, value.length() - 1));
                if (percent >= 0 && percent <= 100) {
                    return MinFreeSpace.ofPercent(percent);
                }
            } catch (NumberFormatException e) {
                // worded below, with the sizes
            }
            throw new TypeConversionException("invalid minimum free space: '" + text + "': a share is 0% to 100%");
        }
        return MinFreeSpace.ofBytes(MemorySize.parse(value));
    }

    @Override
    public MinFreeSpace convert(String value) {
        return parse(value);
    }
}
