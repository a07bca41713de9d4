-- The folding (ArabicText.FOLD_VERSION) the stored search keys of missions and correspondence were made with:
-- when Diwan folds letters differently, SearchKeys makes every key again at start and stores the new version.
-- Keys made before this table existed were made with version 1.
CREATE TABLE search_key_fold (
    id      SMALLINT NOT NULL PRIMARY KEY,
    version INT      NOT NULL
);
INSERT INTO search_key_fold (id, version) VALUES (1, 1);
