/** Layer tarballs: reading (decompression, sanitising hostile entries) into neutral layer entries, and writing them back. */
package io.launcher.layer;
