package io.launcher.api;

import java.util.List;

/** Docker's {@code top}: the columns of {@code ps} and a row of cells per process of the container. */
public record ProcessList(List<String> titles, List<List<String>> processes) {

    public ProcessList {
        titles = List.copyOf(titles);
        processes = processes.stream().map(List::copyOf).toList();
    }
}
