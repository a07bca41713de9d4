package org.diwan.search.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Diwan search",
        description = "The full-text index every department shares.")
@interface SearchConfig {

    @AttributeDefinition(name = "Index folder",
            description = "Folder of the indexes, one sub-folder per collection. Empty: ${karaf.data}/search. Needs no"
                    + " backup: an index is rebuilt from the database when it is missing or was not closed cleanly.")
    String folder() default "";
}
