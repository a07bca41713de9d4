-- LIB-5: authority records in Arabic, English and French. A record kept after merging into another (merged_into)
-- still answers for its id, so links from outside (a harvester's copy, a bookmark) lead to the one that stayed.
CREATE TABLE authority (
    id           CHAR(36)      NOT NULL PRIMARY KEY,
    kind         VARCHAR(16)   NOT NULL,
    name_ar      VARCHAR(500)  NOT NULL,
    name_en      VARCHAR(500),
    name_fr      VARCHAR(500),
    -- other forms met in documents ("see" references), one per line
    variants     VARCHAR(4000),
    note         VARCHAR(2000),
    merged_into  CHAR(36),
    version      INT           NOT NULL,
    created_at   TIMESTAMP     NOT NULL,
    created_by   VARCHAR(100)  NOT NULL,
    updated_at   TIMESTAMP     NOT NULL,
    updated_by   VARCHAR(100)  NOT NULL,
    CONSTRAINT authority_merged FOREIGN KEY (merged_into) REFERENCES authority (id)
);
CREATE INDEX authority_kind ON authority (kind, name_ar);

-- "see also": related authorities, stored both ways
CREATE TABLE authority_related (
    authority_id CHAR(36) NOT NULL,
    related_id   CHAR(36) NOT NULL,
    PRIMARY KEY (authority_id, related_id),
    CONSTRAINT related_from FOREIGN KEY (authority_id) REFERENCES authority (id),
    CONSTRAINT related_to FOREIGN KEY (related_id) REFERENCES authority (id)
);

-- LIB-1/LIB-2: one description per holding, bibliographic (League documents, books, periodicals, issues,
-- manuscripts, rare books) or not (photographs, films, tapes).
CREATE TABLE catalogue_record (
    id            CHAR(36)      NOT NULL PRIMARY KEY,
    record_type   VARCHAR(24)   NOT NULL,
    title_ar      VARCHAR(1000),
    title_en      VARCHAR(1000),
    title_fr      VARCHAR(1000),
    -- League documents: the document symbol and the session of the body that issued it
    symbol        VARCHAR(100),
    session_label VARCHAR(200),
    issued_on     DATE,
    pub_year      INT,
    language      VARCHAR(8)    NOT NULL,
    publisher     VARCHAR(300),
    place         VARCHAR(200),
    extent        VARCHAR(200),
    identifier    VARCHAR(40),
    call_number   VARCHAR(100),
    summary       VARCHAR(8000),
    access_level  VARCHAR(12)   NOT NULL,
    -- an issue's periodical
    parent_id     CHAR(36),
    version       INT           NOT NULL,
    created_at    TIMESTAMP     NOT NULL,
    created_by    VARCHAR(100)  NOT NULL,
    updated_at    TIMESTAMP     NOT NULL,
    updated_by    VARCHAR(100)  NOT NULL,
    CONSTRAINT record_parent FOREIGN KEY (parent_id) REFERENCES catalogue_record (id)
);
CREATE INDEX record_symbol ON catalogue_record (symbol);
CREATE INDEX record_updated ON catalogue_record (updated_at);

-- a description names authorities, never free text: authors, issuing bodies, countries, subjects
CREATE TABLE record_authority (
    record_id    CHAR(36)    NOT NULL,
    role         VARCHAR(12) NOT NULL,
    position     INT         NOT NULL,
    authority_id CHAR(36)    NOT NULL,
    PRIMARY KEY (record_id, role, position),
    CONSTRAINT link_record FOREIGN KEY (record_id) REFERENCES catalogue_record (id),
    CONSTRAINT link_authority FOREIGN KEY (authority_id) REFERENCES authority (id)
);
CREATE INDEX link_by_authority ON record_authority (authority_id);
