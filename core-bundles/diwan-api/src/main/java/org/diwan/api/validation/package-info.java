/**
 * The rules every form and API of Diwan applies to what people type: required fields, lengths, dates,
 * choices, and text that must not carry markup, control characters or bidi overrides. Errors are message
 * keys with arguments, shown in the user's language by the shell's message bundles.
 */
@Export
@Version("1.1.0")
package org.diwan.api.validation;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
