/** The engine as seen from the CLI: the Docker Engine API over the UNIX socket, and starting the daemon when none answers. */
package io.launcher.client;
