package io.launcher.engine;

import io.launcher.spi.Availability;
import io.launcher.spi.BackendContext;
import io.launcher.spi.BackendProvider;

/**
 * The provider half of a pretend backend that is its own driver: named "fake", always
 * available, and opening to itself.
 *
 * @param <T> the driver type the subclass implements
 */
abstract class FakeProvider<T> implements BackendProvider<T> {

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public int priority() {
        return 1;
    }

    @Override
    public Availability probe() {
        return Availability.yes();
    }

    @Override
    @SuppressWarnings("unchecked")
    public T open(BackendContext context) {
        return (T) this;
    }
}
