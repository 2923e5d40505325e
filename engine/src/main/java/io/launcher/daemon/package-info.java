/** The daemon: the Docker Engine API served over HTTP on a UNIX socket, translating requests to the {@link io.launcher.api.Engine}. */
package io.launcher.daemon;
