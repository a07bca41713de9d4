/**
 * Full-text search that every plugin shares: a plugin hands over its records as {@link SearchDocument}s after
 * each change and asks {@link SearchService} for ids, with facets and paging. Arabic words are found however
 * they are spelled (hamza and alef forms, taa marbuta, alef maqsura, tatweel, diacritics, light stemming);
 * English and French words by their stems. A plugin that registers a {@link SearchSource} gets its index
 * rebuilt from its database whenever the index cannot be trusted.
 */
@Export
@Version("1.1.0")
package org.diwan.api.search;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
