-- Every index of correspondence costs each insert a B-tree search: catching up after an outage, headquarters
-- spent over half of each stored letter in index maintenance. The list pages read newest first along
-- correspondence_recent (with an optimizer override: Derby would otherwise sort every row for each page),
-- filtering a classification as they go; one mission's records are found by the index of the reference to
-- the mission, which Derby keeps anyway. These two served neither.
DROP INDEX correspondence_mission;
DROP INDEX correspondence_class;
