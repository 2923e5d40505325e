/** The command-line client: docker's commands and flags, each a client of the {@link io.launcher.api.Engine}. */
package io.launcher.cli;
