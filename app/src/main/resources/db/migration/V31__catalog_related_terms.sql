-- Related forms for the catalogue search (see docs/adr/0007-danish-catalogue-search.md). Danish stemming joins
-- inflections ("indlæggelser" ~ "indlæggelse") but not related words ("diabetiker" ~ "diabetes"). A query word
-- that begins with one form of a group (and is at most four letters longer, so "kolesterol" is not "kol") is
-- searched as every form of the group, each as a prefix. Add rows in a new migration; forms are lower-case single
-- words.

CREATE TABLE catalog_related_term (
    group_key  VARCHAR(40) NOT NULL,
    form       VARCHAR(60) NOT NULL,
    PRIMARY KEY (group_key, form),
    CONSTRAINT catalog_related_term_lower CHECK (form = lower(form) AND form !~ '\s')
);

INSERT INTO catalog_related_term (group_key, form) VALUES
    ('diabetes', 'diabetes'), ('diabetes', 'diabetiker'), ('diabetes', 'diabetisk'), ('diabetes', 'sukkersyge'),
    ('kraeft', 'kræft'), ('kraeft', 'cancer'), ('kraeft', 'onkologi'), ('kraeft', 'kræftsyg'),
    ('hjerte', 'hjerte'), ('hjerte', 'kardiolog'), ('hjerte', 'hjertekar'), ('hjerte', 'hjertesyg'),
    ('kol', 'kol'), ('kol', 'lungesyg'), ('kol', 'lunge'), ('kol', 'luftvej'),
    ('psykisk', 'psykisk'), ('psykisk', 'psykiatri'), ('psykisk', 'sindslid'), ('psykisk', 'psykose'),
    ('indlaeggelse', 'indlæggelse'), ('indlaeggelse', 'indlagt'), ('indlaeggelse', 'genindlæggelse'),
    ('ryg', 'lænderyg'), ('ryg', 'rygsmerte'), ('ryg', 'rygpatient'),
    ('sygehus', 'sygehus'), ('sygehus', 'hospital'),
    ('laege', 'læge'), ('laege', 'lægehus'), ('laege', 'almen'), ('laege', 'praktiserende'),
    ('ulighed', 'ulighed'), ('ulighed', 'sårbar'), ('ulighed', 'udsat'),
    ('telemedicin', 'telemedicin'), ('telemedicin', 'virtuel'), ('telemedicin', 'video'),
    ('telemedicin', 'hjemmemonitorering');
