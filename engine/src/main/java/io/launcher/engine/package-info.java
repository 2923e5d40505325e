/** The engine: policy. Container state machine, metadata store, image and layer store, allocation; the only place that calls the SPIs. */
package io.launcher.engine;
