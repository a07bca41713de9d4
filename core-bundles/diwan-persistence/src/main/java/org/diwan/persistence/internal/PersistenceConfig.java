package org.diwan.persistence.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Diwan database", description = "The node's embedded Derby database.")
@interface PersistenceConfig {

    @AttributeDefinition(name = "Database folder",
            description = "Folder of the Derby database. Empty: derby/diwan under the node's data folder.")
    String location() default "";
}
