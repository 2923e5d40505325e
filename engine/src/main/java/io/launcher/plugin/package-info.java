/** Plugin loading: the one place of the launcher that touches PF4J. */
package io.launcher.plugin;
