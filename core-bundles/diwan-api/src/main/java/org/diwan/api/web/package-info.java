/**
 * What a plugin's servlets need from the web shell: who the current user is and what they may do. A plugin's
 * servlets select Diwan's servlet context ({@code (osgi.http.whiteboard.context.name=diwan)}) so that the
 * shell's security filter has authenticated the request before they run.
 */
@Export
@Version("1.4.0")
package org.diwan.api.web;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
