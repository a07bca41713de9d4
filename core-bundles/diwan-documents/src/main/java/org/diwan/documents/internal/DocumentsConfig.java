package org.diwan.documents.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Diwan documents",
        description = "The attachment store of every department: size limit and storage folder.")
@interface DocumentsConfig {

    @AttributeDefinition(name = "Largest upload (bytes)",
            description = "Uploads longer than this are refused while they are read; nothing of them is kept.", min = "1")
    long maxSizeBytes() default 26_214_400L;

    @AttributeDefinition(name = "Storage folder",
            description = "Folder of the content files (sha256/…) and of uploads in progress (tmp/). Empty: documents"
                    + " under the node's data folder (${karaf.data}/documents). Back it up with the database.")
    String storage() default "";
}
