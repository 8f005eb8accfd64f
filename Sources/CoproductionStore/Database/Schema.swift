import Coproduction
import GRDB

/// The versioned schema. Each migration is kept forever once released; new ones are
/// appended. A database that has a migration this list does not know was written by a
/// newer version and is refused.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: areas, champions, meetings, crèche plans") { db in
            try db.execute(sql: """
                CREATE TABLE area (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
                    retired INTEGER NOT NULL DEFAULT 0,
                    position INTEGER NOT NULL DEFAULT 0
                );
                CREATE TABLE champion (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                    areaId INTEGER NOT NULL REFERENCES area(id),
                    trainedOn TEXT,
                    active INTEGER NOT NULL DEFAULT 1
                );
                CREATE INDEX champion_area ON champion(areaId, active);
                CREATE TABLE meeting (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL CHECK (kind IN ('board', 'service-design', 'task-and-finish', 'pre-meeting')),
                    groupName TEXT,
                    preparesId INTEGER REFERENCES meeting(id) ON DELETE CASCADE,
                    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
                    date TEXT NOT NULL,
                    startMinute INTEGER NOT NULL CHECK (startMinute BETWEEN 0 AND 1439),
                    endMinute INTEGER NOT NULL CHECK (endMinute BETWEEN 1 AND 1440),
                    venue TEXT NOT NULL DEFAULT '',
                    otherParents INTEGER NOT NULL DEFAULT 0 CHECK (otherParents >= 0),
                    CHECK (endMinute > startMinute),
                    CHECK ((kind = 'pre-meeting') = (preparesId IS NOT NULL)),
                    CHECK ((kind = 'task-and-finish') = (groupName IS NOT NULL))
                );
                CREATE INDEX meeting_when ON meeting(date, startMinute);
                CREATE INDEX meeting_prepares ON meeting(preparesId);
                CREATE TABLE meetingChampion (
                    meetingId INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
                    championId INTEGER NOT NULL REFERENCES champion(id),
                    PRIMARY KEY (meetingId, championId)
                ) WITHOUT ROWID;
                CREATE INDEX meetingChampion_champion ON meetingChampion(championId, meetingId);
                CREATE TABLE crechePlan (
                    meetingId INTEGER PRIMARY KEY REFERENCES meeting(id) ON DELETE CASCADE,
                    underTwo INTEGER NOT NULL DEFAULT 0 CHECK (underTwo >= 0),
                    two INTEGER NOT NULL DEFAULT 0 CHECK (two >= 0),
                    threeAndOver INTEGER NOT NULL DEFAULT 0 CHECK (threeAndOver >= 0),
                    staffBooked INTEGER NOT NULL DEFAULT 0 CHECK (staffBooked >= 0),
                    roomCapacity INTEGER NOT NULL DEFAULT 0 CHECK (roomCapacity >= 0),
                    level6 INTEGER NOT NULL DEFAULT 0
                );
                CREATE TABLE setting (
                    key TEXT PRIMARY KEY,
                    value TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v2: accounts, sign-in sessions, audit trail, row versions") { db in
            try db.execute(sql: """
                CREATE TABLE user (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
                    role TEXT NOT NULL CHECK (role IN ('admin', 'office', 'creche', 'champion')),
                    championId INTEGER REFERENCES champion(id),
                    secretHash BLOB NOT NULL,
                    salt BLOB NOT NULL,
                    kdf TEXT NOT NULL,
                    kdfN INTEGER NOT NULL,
                    kdfR INTEGER NOT NULL,
                    kdfP INTEGER NOT NULL,
                    disabled INTEGER NOT NULL DEFAULT 0,
                    failedAttempts INTEGER NOT NULL DEFAULT 0,
                    lockedUntil REAL,
                    createdAt REAL NOT NULL,
                    version INTEGER NOT NULL DEFAULT 1,
                    CHECK ((role = 'champion') = (championId IS NOT NULL))
                );
                CREATE TABLE cliSession (
                    tokenHash BLOB PRIMARY KEY,
                    userId INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
                    expiresAt REAL NOT NULL
                );
                CREATE TABLE audit (
                    id INTEGER PRIMARY KEY,
                    at REAL NOT NULL,
                    userId INTEGER,
                    userName TEXT NOT NULL,
                    action TEXT NOT NULL,
                    recordKind TEXT NOT NULL,
                    recordId INTEGER,
                    changes TEXT NOT NULL DEFAULT '[]'
                );
                CREATE INDEX audit_at ON audit(at, id);
                CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only: entries cannot be changed.'); END;
                CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
                BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only: entries cannot be deleted.'); END;
                """)
            for table in ["area", "champion", "meeting", "crechePlan"] {
                try db.execute(sql: """
                    ALTER TABLE \(table) ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
                    ALTER TABLE \(table) ADD COLUMN updatedBy TEXT;
                    ALTER TABLE \(table) ADD COLUMN updatedAt REAL;
                    """)
            }
        }
        migrator.registerMigration("v3: meeting status, invitations, agenda, glossary") { db in
            try db.execute(sql: """
                ALTER TABLE meeting ADD COLUMN status TEXT NOT NULL DEFAULT 'planned'
                    CHECK (status IN ('planned', 'cancelled', 'held'));
                ALTER TABLE meeting ADD COLUMN cancelReason TEXT;
                ALTER TABLE meetingChampion ADD COLUMN response TEXT NOT NULL DEFAULT 'confirmed'
                    CHECK (response IN ('invited', 'confirmed', 'apologies'));
                CREATE TABLE agendaItem (
                    id INTEGER PRIMARY KEY,
                    meetingId INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
                    summary TEXT NOT NULL DEFAULT ''
                );
                CREATE INDEX agendaItem_meeting ON agendaItem(meetingId, position);
                CREATE TABLE glossary (
                    id INTEGER PRIMARY KEY,
                    term TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(term)) > 0),
                    plain TEXT NOT NULL CHECK (length(trim(plain)) > 0)
                );
                """)
            for entry in StandardGlossary.entries {
                try db.execute(sql: "INSERT OR IGNORE INTO glossary (term, plain) VALUES (?, ?)", arguments: [entry.term, entry.plain])
            }
        }
        migrator.registerMigration("v4: what happened at a meeting: attendance, minutes, decisions, actions") { db in
            try db.execute(sql: """
                ALTER TABLE meeting ADD COLUMN minutes TEXT NOT NULL DEFAULT '';
                ALTER TABLE meeting ADD COLUMN otherParentsAttended INTEGER;
                ALTER TABLE meetingChampion ADD COLUMN attendance TEXT
                    CHECK (attendance IN ('attended', 'apologies', 'absent'));
                CREATE TABLE decision (
                    id INTEGER PRIMARY KEY,
                    meetingId INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    text TEXT NOT NULL CHECK (length(trim(text)) > 0)
                );
                CREATE INDEX decision_meeting ON decision(meetingId, position);
                CREATE TABLE actionItem (
                    id INTEGER PRIMARY KEY,
                    meetingId INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    what TEXT NOT NULL CHECK (length(trim(what)) > 0),
                    owner TEXT NOT NULL DEFAULT '',
                    due TEXT,
                    done INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX actionItem_meeting ON actionItem(meetingId, position);
                CREATE INDEX actionItem_open ON actionItem(done, due);
                """)
        }
        migrator.registerMigration("v5: children, bookings, register, crèche rota") { db in
            try db.execute(sql: """
                CREATE TABLE child (
                    id INTEGER PRIMARY KEY,
                    firstName TEXT NOT NULL CHECK (length(trim(firstName)) > 0),
                    familyName TEXT NOT NULL CHECK (length(trim(familyName)) > 0),
                    dateOfBirth TEXT NOT NULL,
                    parentName TEXT NOT NULL,
                    parentChampionId INTEGER REFERENCES champion(id),
                    collectors TEXT NOT NULL DEFAULT '',
                    emergencyContact TEXT NOT NULL DEFAULT '',
                    notes TEXT NOT NULL DEFAULT '',
                    version INTEGER NOT NULL DEFAULT 1,
                    updatedBy TEXT,
                    updatedAt REAL
                );
                CREATE INDEX child_parent ON child(parentChampionId);
                CREATE TABLE booking (
                    id INTEGER PRIMARY KEY,
                    meetingId INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
                    childId INTEGER NOT NULL REFERENCES child(id) ON DELETE CASCADE,
                    signedInAt REAL,
                    signedOutAt REAL,
                    collectedBy TEXT,
                    collectionReason TEXT,
                    UNIQUE (meetingId, childId)
                );
                CREATE INDEX booking_child ON booking(childId);
                CREATE TABLE registerEvent (
                    id INTEGER PRIMARY KEY,
                    bookingId INTEGER NOT NULL,
                    meetingId INTEGER NOT NULL,
                    childId INTEGER NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('in', 'out')),
                    at REAL NOT NULL,
                    collectedBy TEXT,
                    reason TEXT,
                    recordedBy TEXT NOT NULL
                );
                CREATE INDEX registerEvent_meeting ON registerEvent(meetingId, at);
                CREATE TRIGGER registerEvent_no_update BEFORE UPDATE ON registerEvent
                BEGIN SELECT RAISE(ABORT, 'The register keeps every sign-in and sign-out: entries cannot be changed.'); END;
                CREATE TRIGGER registerEvent_no_delete BEFORE DELETE ON registerEvent
                BEGIN SELECT RAISE(ABORT, 'The register keeps every sign-in and sign-out: entries cannot be deleted.'); END;
                CREATE TABLE crecheStaff (
                    id INTEGER PRIMARY KEY,
                    meetingId INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
                    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                    level INTEGER NOT NULL CHECK (level IN (2, 3, 6)),
                    firstAid INTEGER NOT NULL DEFAULT 0,
                    userId INTEGER REFERENCES user(id)
                );
                CREATE INDEX crecheStaff_meeting ON crecheStaff(meetingId);
                CREATE INDEX crecheStaff_user ON crecheStaff(userId, meetingId);
                ALTER TABLE crechePlan ADD COLUMN underTwoHours INTEGER NOT NULL DEFAULT 1;
                """)
            // Staff counted before there was a rota become rota rows to be named, so no plan
            // loses its staffing; their first aid is unknown until someone records it.
            for row in try Row.fetchAll(db, sql: "SELECT meetingId, staffBooked FROM crechePlan WHERE staffBooked > 0") {
                let meeting: Int64 = row["meetingId"], count: Int = row["staffBooked"]
                for n in 1...count {
                    try db.execute(sql: "INSERT INTO crecheStaff (meetingId, name, level) VALUES (?, ?, 3)",
                                   arguments: [meeting, "Staff member \(n) (name to add)"])
                }
            }
        }
        migrator.registerMigration("v6: champion records, ideas, the ladder of co-production") { db in
            try db.execute(sql: """
                ALTER TABLE champion ADD COLUMN status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'left'));
                UPDATE champion SET status = CASE WHEN active THEN 'active' ELSE 'paused' END;
                ALTER TABLE champion ADD COLUMN statusReason TEXT;
                ALTER TABLE champion ADD COLUMN statusSince TEXT;
                ALTER TABLE champion ADD COLUMN trainingCourse TEXT;
                ALTER TABLE champion ADD COLUMN refresherDue TEXT;
                CREATE TABLE championPrivate (
                    championId INTEGER PRIMARY KEY REFERENCES champion(id) ON DELETE CASCADE,
                    phone TEXT NOT NULL DEFAULT '',
                    email TEXT NOT NULL DEFAULT '',
                    dbsNumber TEXT NOT NULL DEFAULT '',
                    dbsIssued TEXT,
                    dbsRenewalDue TEXT
                );
                CREATE TABLE idea (
                    id INTEGER PRIMARY KEY,
                    areaId INTEGER NOT NULL REFERENCES area(id),
                    raisedOn TEXT NOT NULL,
                    raisedBy INTEGER REFERENCES champion(id),
                    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
                    status TEXT NOT NULL DEFAULT 'new'
                        CHECK (status IN ('new', 'ready', 'on-agenda', 'decided', 'fed-back', 'closed')),
                    agendaItemId INTEGER REFERENCES agendaItem(id) ON DELETE SET NULL,
                    outcome TEXT,
                    decidedOn TEXT,
                    fedBackOn TEXT,
                    fedBackBy INTEGER REFERENCES champion(id),
                    channel TEXT CHECK (channel IN ('meeting', 'group-chat', 'newsletter')),
                    closedReason TEXT,
                    rung TEXT CHECK (rung IN ('informing', 'consultation', 'engagement', 'co-design', 'co-production')),
                    version INTEGER NOT NULL DEFAULT 1
                );
                CREATE INDEX idea_area ON idea(areaId, status);
                ALTER TABLE meeting ADD COLUMN rung TEXT
                    CHECK (rung IN ('informing', 'consultation', 'engagement', 'co-design', 'co-production'));
                """)
        }
        migrator.registerMigration("v7: a stable calendar UID per meeting") { db in
            try db.execute(sql: """
                ALTER TABLE meeting ADD COLUMN uid TEXT;
                UPDATE meeting SET uid = lower(hex(randomblob(16))) || '@coproduce' WHERE uid IS NULL;
                CREATE UNIQUE INDEX meeting_uid ON meeting(uid);
                """)
        }
        migrator.registerMigration("v8: Parent Engagement Fund, Parent Approved Marketing, rewards") { db in
            try db.execute(sql: """
                CREATE TABLE fundBudget (
                    year INTEGER PRIMARY KEY,
                    pence INTEGER NOT NULL CHECK (pence >= 0)
                );
                CREATE TABLE fundProposal (
                    id INTEGER PRIMARY KEY,
                    championId INTEGER REFERENCES champion(id),
                    groupName TEXT,
                    areaId INTEGER NOT NULL REFERENCES area(id),
                    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
                    purpose TEXT NOT NULL,
                    requestedPence INTEGER NOT NULL CHECK (requestedPence > 0),
                    year INTEGER NOT NULL,
                    submittedOn TEXT NOT NULL,
                    status TEXT NOT NULL DEFAULT 'submitted'
                        CHECK (status IN ('submitted', 'under-review', 'approved', 'declined', 'delivered', 'closed')),
                    approvedPence INTEGER CHECK (approvedPence > 0),
                    decisionReason TEXT,
                    decidedOn TEXT,
                    decidedAtMeetingId INTEGER REFERENCES meeting(id) ON DELETE SET NULL,
                    deliveredOn TEXT,
                    deliveryNote TEXT,
                    impact TEXT,
                    version INTEGER NOT NULL DEFAULT 1,
                    CHECK ((championId IS NULL) <> (groupName IS NULL)),
                    CHECK (status <> 'closed' OR length(trim(impact)) > 0),
                    CHECK (status NOT IN ('approved', 'delivered', 'closed') OR approvedPence IS NOT NULL)
                );
                CREATE INDEX fundProposal_year ON fundProposal(year, status);
                CREATE TABLE fundReview (
                    id INTEGER PRIMARY KEY,
                    proposalId INTEGER NOT NULL REFERENCES fundProposal(id) ON DELETE CASCADE,
                    reviewer TEXT NOT NULL,
                    reviewerUserId INTEGER,
                    recommendation TEXT NOT NULL CHECK (recommendation IN ('approve', 'decline')),
                    comment TEXT NOT NULL,
                    reviewedOn TEXT NOT NULL
                );
                CREATE INDEX fundReview_proposal ON fundReview(proposalId);
                CREATE TABLE material (
                    id INTEGER PRIMARY KEY,
                    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
                    kind TEXT NOT NULL CHECK (kind IN ('leaflet', 'poster', 'social-post', 'web-page')),
                    service TEXT NOT NULL,
                    text TEXT NOT NULL,
                    materialVersion INTEGER NOT NULL DEFAULT 1,
                    sentToParents BOOLEAN NOT NULL DEFAULT 0,
                    submittedBy INTEGER REFERENCES champion(id),
                    createdOn TEXT NOT NULL,
                    version INTEGER NOT NULL DEFAULT 1
                );
                CREATE TABLE materialReview (
                    id INTEGER PRIMARY KEY,
                    materialId INTEGER NOT NULL REFERENCES material(id) ON DELETE CASCADE,
                    materialVersion INTEGER NOT NULL,
                    championId INTEGER NOT NULL REFERENCES champion(id),
                    verdict TEXT NOT NULL CHECK (verdict IN ('approve', 'changes')),
                    comment TEXT NOT NULL DEFAULT '',
                    reviewedOn TEXT NOT NULL,
                    UNIQUE (materialId, materialVersion, championId)
                );
                CREATE TABLE reward (
                    id INTEGER PRIMARY KEY,
                    championId INTEGER NOT NULL REFERENCES champion(id),
                    kind TEXT NOT NULL CHECK (kind IN ('voucher', 'expenses')),
                    reason TEXT NOT NULL CHECK (reason IN ('meeting', 'review', 'focus-group', 'other')),
                    pence INTEGER NOT NULL CHECK (pence > 0),
                    date TEXT NOT NULL,
                    declined BOOLEAN NOT NULL DEFAULT 0,
                    benefitsAdvice BOOLEAN NOT NULL DEFAULT 0,
                    note TEXT NOT NULL DEFAULT ''
                );
                CREATE INDEX reward_champion ON reward(championId, date);
                """)
        }
        migrator.registerMigration("v9: the areas pane counts ideas from an index alone") { db in
            // Open, awaiting-feedback and overdue counts per area read only this index (45 ms
            // to 7 ms at 200,000 ideas; see BENCHMARKS.md).
            try db.execute(sql: """
                CREATE INDEX idea_area_status ON idea(areaId, status, decidedOn);
                DROP INDEX idea_area;
                """)
        }
        migrator.registerMigration("v10: the meetings filter and the venue-clash check read indexes") { db in
            // What `/` matches (title, venue, group, kind) kept in one column by triggers, and
            // carried in the date index after the id, so lists stay in index order and
            // filtering reads the index alone; and the venue-clash check finds the day's
            // meetings at a venue from an index (see BENCHMARKS.md).
            try db.execute(sql: """
                ALTER TABLE meeting ADD COLUMN searchText TEXT NOT NULL DEFAULT '';
                UPDATE meeting SET searchText = title || ' ' || venue || ' ' || ifnull(groupName, '') || ' ' || CASE kind WHEN 'board' THEN 'Partnership Board' WHEN 'service-design' THEN 'Service Design' WHEN 'task-and-finish' THEN 'Task and Finish' ELSE 'Pre-meeting' END;
                CREATE TRIGGER meeting_search_insert AFTER INSERT ON meeting
                BEGIN UPDATE meeting SET searchText = NEW.title || ' ' || NEW.venue || ' ' || ifnull(NEW.groupName, '') || ' ' || CASE NEW.kind WHEN 'board' THEN 'Partnership Board' WHEN 'service-design' THEN 'Service Design' WHEN 'task-and-finish' THEN 'Task and Finish' ELSE 'Pre-meeting' END WHERE id = NEW.id; END;
                CREATE TRIGGER meeting_search_update AFTER UPDATE OF title, venue, groupName, kind ON meeting
                BEGIN UPDATE meeting SET searchText = NEW.title || ' ' || NEW.venue || ' ' || ifnull(NEW.groupName, '') || ' ' || CASE NEW.kind WHEN 'board' THEN 'Partnership Board' WHEN 'service-design' THEN 'Service Design' WHEN 'task-and-finish' THEN 'Task and Finish' ELSE 'Pre-meeting' END WHERE id = NEW.id; END;
                DROP INDEX meeting_when;
                CREATE INDEX meeting_when ON meeting(date, startMinute, id, searchText);
                CREATE INDEX meeting_venue_day ON meeting(date, lower(trim(venue)));
                """)
        }
        migrator.registerMigration("v11: a register of crèche staff, children added on the day") { db in
            // People who work crèches, kept once and put on each session's rota from here;
            // a child registered by crèche staff at the door is marked until the office checks it.
            try db.execute(sql: """
                CREATE TABLE staffMember (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
                    level INTEGER NOT NULL CHECK (level IN (2, 3, 6)),
                    firstAid INTEGER NOT NULL DEFAULT 0,
                    userId INTEGER REFERENCES user(id),
                    version INTEGER NOT NULL DEFAULT 1
                );
                ALTER TABLE crecheStaff ADD COLUMN staffMemberId INTEGER REFERENCES staffMember(id);
                ALTER TABLE child ADD COLUMN addedOnDay INTEGER NOT NULL DEFAULT 0;
                """)
        }
        migrator.registerMigration("v12: a date of birth estimated from an age") { db in
            // A walk-in child whose parent gave an age, not a date: the office replaces it.
            try db.execute(sql: "ALTER TABLE child ADD COLUMN birthDateEstimated INTEGER NOT NULL DEFAULT 0;")
        }
        migrator.registerMigration("v13: the start of an account's count of tries") { db in
            // Tries are counted in five-minute windows, before the secret is checked.
            try db.execute(sql: "ALTER TABLE user ADD COLUMN failedSince REAL;")
        }
        migrator.registerMigration("v14: a command-line sign-in belongs to one OS user") { db in
            // A token copied to another OS account does not work there.
            try db.execute(sql: "ALTER TABLE cliSession ADD COLUMN osUser INTEGER;")
        }
        migrator.registerMigration("v15: text size limits on every table") { db in
            // Every text column has a longest length, enforced here as well as in the forms,
            // so no way in (a form, a command, an import, another program) can store more.
            try createTextLimits(db)
        }
        migrator.registerMigration("v16: crèche rules dated by when they came in; what makes staff count") { db in
            // The law's rows, each with the day it came in and its source; a session is
            // checked against the row of its own day. The README gives the app's reading.
            try db.execute(sql: """
                CREATE TABLE crecheRule (
                    id INTEGER PRIMARY KEY,
                    effectiveFrom TEXT NOT NULL UNIQUE,
                    source TEXT NOT NULL CHECK (length(trim(source)) > 0),
                    underTwo INTEGER NOT NULL CHECK (underTwo BETWEEN 1 AND 60),
                    two INTEGER NOT NULL CHECK (two BETWEEN 1 AND 60),
                    threeAndOver INTEGER NOT NULL CHECK (threeAndOver BETWEEN 1 AND 60),
                    threeAndOverLevel6 INTEGER NOT NULL CHECK (threeAndOverLevel6 BETWEEN 1 AND 60),
                    minimumStaffAge INTEGER NOT NULL CHECK (minimumStaffAge BETWEEN 16 AND 25),
                    firstAidValidYears INTEGER NOT NULL CHECK (firstAidValidYears BETWEEN 1 AND 10),
                    firstAidNeededForLevelsFrom TEXT NOT NULL,
                    studentsAtLevelBelow INTEGER NOT NULL,
                    studentsNeedFirstAid INTEGER NOT NULL,
                    safeguardingRenewalYears INTEGER CHECK (safeguardingRenewalYears BETWEEN 1 AND 10)
                );
                INSERT INTO crecheRule VALUES
                    (1, '2021-09-01', 'EYFS statutory framework (DfE), September 2021, section 3, staffing: 2-year-olds 1:4',
                     3, 4, 8, 13, 17, 3, '2016-06-30', 0, 0, NULL),
                    (2, '2023-09-04', 'EYFS statutory framework for group and school-based providers (DfE), September 2023, section 3: 2-year-olds 1:5',
                     3, 5, 8, 13, 17, 3, '2016-06-30', 0, 0, NULL),
                    (3, '2024-01-04', 'EYFS statutory framework for group and school-based providers (DfE), January 2024, section 3: students and apprentices at the level below their study',
                     3, 5, 8, 13, 17, 3, '2016-06-30', 1, 0, NULL),
                    (4, '2025-09-01', 'EYFS statutory framework for group and school-based providers (DfE), September 2025, section 3: safeguarding training every 2 years; students in ratio need paediatric first aid',
                     3, 5, 8, 13, 17, 3, '2016-06-30', 1, 1, 2);
                ALTER TABLE staffMember ADD COLUMN dateOfBirth TEXT;
                ALTER TABLE staffMember ADD COLUMN seventeenOrOver INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE staffMember ADD COLUMN fullAndRelevant INTEGER NOT NULL DEFAULT 1;
                ALTER TABLE staffMember ADD COLUMN qualifiedOn TEXT;
                ALTER TABLE staffMember ADD COLUMN student INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE staffMember ADD COLUMN competent INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE staffMember ADD COLUMN firstAidKind TEXT NOT NULL DEFAULT 'none' CHECK (firstAidKind IN ('none', 'emergency', 'full'));
                ALTER TABLE staffMember ADD COLUMN firstAidOn TEXT;
                ALTER TABLE staffMember ADD COLUMN safeguardingOn TEXT;
                ALTER TABLE staffMember ADD COLUMN dbsOn TEXT;
                UPDATE staffMember SET firstAidKind = CASE WHEN firstAid THEN 'full' ELSE 'none' END;
                """)
            try createTextLimits(db, tables: ["crecheRule", "staffMember"])
        }
        migrator.registerMigration("v17: crèche accidents and incidents, append-only") { db in
            // An incident keeps the child's name and date of birth, so it outlives the child's
            // own record for as long as its retention needs (21 years and 3 months of age).
            // Nothing recorded is changed or deleted: a correction is an addendum.
            try db.execute(sql: """
                CREATE TABLE incident (
                    id INTEGER PRIMARY KEY,
                    meetingId INTEGER NOT NULL REFERENCES meeting(id),
                    childId INTEGER NOT NULL,
                    childName TEXT NOT NULL,
                    childBorn TEXT NOT NULL,
                    at REAL NOT NULL,
                    place TEXT NOT NULL CHECK (length(trim(place)) > 0),
                    what TEXT NOT NULL CHECK (length(trim(what)) > 0),
                    onArrival INTEGER NOT NULL DEFAULT 0,
                    firstAidBy TEXT,
                    firstAidGiven TEXT NOT NULL DEFAULT '',
                    action TEXT NOT NULL DEFAULT '',
                    serious INTEGER NOT NULL DEFAULT 0,
                    recordedBy TEXT NOT NULL,
                    recordedAt REAL NOT NULL
                );
                CREATE INDEX incident_meeting ON incident(meetingId, at);
                CREATE INDEX incident_child ON incident(childId);
                CREATE TABLE incidentFollowUp (
                    id INTEGER PRIMARY KEY,
                    incidentId INTEGER NOT NULL REFERENCES incident(id),
                    kind TEXT NOT NULL CHECK (kind IN ('parent told', 'acknowledged', 'notified', 'addendum')),
                    at REAL NOT NULL,
                    byName TEXT NOT NULL DEFAULT '',
                    detail TEXT NOT NULL DEFAULT '',
                    recordedBy TEXT NOT NULL,
                    recordedAt REAL NOT NULL
                );
                CREATE INDEX incidentFollowUp_incident ON incidentFollowUp(incidentId);
                CREATE TRIGGER incident_no_update BEFORE UPDATE ON incident
                BEGIN SELECT RAISE(ABORT, 'An accident or incident record cannot be changed: add an addendum.'); END;
                CREATE TRIGGER incident_no_delete BEFORE DELETE ON incident
                BEGIN SELECT RAISE(ABORT, 'An accident or incident record cannot be deleted: add an addendum.'); END;
                CREATE TRIGGER incidentFollowUp_no_update BEFORE UPDATE ON incidentFollowUp
                BEGIN SELECT RAISE(ABORT, 'An accident or incident record cannot be changed: add an addendum.'); END;
                CREATE TRIGGER incidentFollowUp_no_delete BEFORE DELETE ON incidentFollowUp
                BEGIN SELECT RAISE(ABORT, 'An accident or incident record cannot be deleted: add an addendum.'); END;
                """)
            try createTextLimits(db, tables: ["incident", "incidentFollowUp"])
        }
        migrator.registerMigration("v18: collection safety and children not collected") { db in
            // Collection passwords are hashed like PINs; nobody can read one back. The
            // must-not-collect list blocks a sign-out to the name; a temporary collector counts
            // on their one day. The calls made for a child not collected are kept, never changed.
            try db.execute(sql: """
                CREATE TABLE collectorPassword (
                    id INTEGER PRIMARY KEY,
                    childId INTEGER NOT NULL REFERENCES child(id) ON DELETE CASCADE,
                    name TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(name)) > 0),
                    secretHash BLOB NOT NULL,
                    salt BLOB NOT NULL,
                    kdfN INTEGER NOT NULL,
                    kdfR INTEGER NOT NULL,
                    kdfP INTEGER NOT NULL,
                    setBy TEXT NOT NULL,
                    setAt REAL NOT NULL,
                    UNIQUE (childId, name)
                );
                CREATE TABLE temporaryCollector (
                    id INTEGER PRIMARY KEY,
                    childId INTEGER NOT NULL REFERENCES child(id) ON DELETE CASCADE,
                    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                    validOn TEXT NOT NULL,
                    addedBy TEXT NOT NULL,
                    addedAt REAL NOT NULL
                );
                CREATE INDEX temporaryCollector_child ON temporaryCollector(childId, validOn);
                CREATE TABLE mustNotCollect (
                    id INTEGER PRIMARY KEY,
                    childId INTEGER NOT NULL REFERENCES child(id) ON DELETE CASCADE,
                    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                    reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
                    courtOrderSeen INTEGER NOT NULL DEFAULT 0,
                    recordedBy TEXT NOT NULL,
                    recordedAt REAL NOT NULL
                );
                CREATE INDEX mustNotCollect_child ON mustNotCollect(childId);
                CREATE TABLE uncollectedStep (
                    id INTEGER PRIMARY KEY,
                    bookingId INTEGER NOT NULL,
                    meetingId INTEGER NOT NULL,
                    childId INTEGER NOT NULL,
                    step TEXT NOT NULL CHECK (step IN ('call the parent', 'call the emergency contacts', 'call children''s social care')),
                    at REAL NOT NULL,
                    byName TEXT NOT NULL CHECK (length(trim(byName)) > 0),
                    note TEXT NOT NULL DEFAULT '',
                    recordedBy TEXT NOT NULL,
                    recordedAt REAL NOT NULL,
                    UNIQUE (bookingId, step)
                );
                CREATE INDEX uncollectedStep_meeting ON uncollectedStep(meetingId);
                CREATE TRIGGER uncollectedStep_no_update BEFORE UPDATE ON uncollectedStep
                BEGIN SELECT RAISE(ABORT, 'A call made for a child not collected is kept as recorded.'); END;
                CREATE TRIGGER uncollectedStep_no_delete BEFORE DELETE ON uncollectedStep
                BEGIN SELECT RAISE(ABORT, 'A call made for a child not collected is kept as recorded.'); END;
                """)
            try createTextLimits(db, tables: ["collectorPassword", "temporaryCollector", "mustNotCollect", "uncollectedStep"])
        }
        migrator.registerMigration("v19: Ofsted's registration limits for occasional crèches, and the notices sent") { db in
            // The exemption as a dated row, with its source; each day is read against the row
            // in force then. A notice is recorded per venue and calendar year.
            try db.execute(sql: """
                CREATE TABLE registrationRule (
                    id INTEGER PRIMARY KEY,
                    effectiveFrom TEXT NOT NULL UNIQUE,
                    stayMinutes INTEGER NOT NULL CHECK (stayMinutes > 0),
                    daysWithNotice INTEGER NOT NULL CHECK (daysWithNotice >= 0),
                    noticeDays INTEGER NOT NULL CHECK (noticeDays >= 0),
                    source TEXT NOT NULL
                );
                INSERT INTO registrationRule (effectiveFrom, stayMinutes, daysWithNotice, noticeDays, source) VALUES
                ('2008-09-01', 120, 14, 14,
                 'The Childcare (Exemptions from Registration) Order 2008 (SI 2008/979), in force 1 September 2008, as Ofsted''s guide "Childcare: exemptions from registration" explains it. The app''s reading: care where no child stays more than 2 hours a day is exempt; care of a child for more than 2 hours on 14 days or fewer in a calendar year at one venue is exempt when notice reaches Ofsted at least 14 days before the first such day; beyond 14 days the crèche must be registered. Councils have read this differently: confirm with Ofsted.');
                CREATE TABLE registrationNotice (
                    id INTEGER PRIMARY KEY,
                    venue TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(venue)) > 0),
                    year INTEGER NOT NULL,
                    sentOn TEXT NOT NULL,
                    recordedBy TEXT NOT NULL,
                    recordedAt REAL NOT NULL,
                    UNIQUE (venue, year)
                );
                """)
            try createTextLimits(db, tables: ["registrationRule", "registrationNotice"])
        }
        migrator.registerMigration("v20: governance committees; whether a held meeting was quorate; provisional decisions") { db in
            // SQLite cannot change a CHECK in place, so the meeting table is rebuilt from its own
            // definition with committees allowed, and its indexes and triggers put back.
            let table = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'meeting'") ?? ""
            let attached = try String.fetchAll(db, sql: """
                SELECT sql FROM sqlite_master WHERE tbl_name = 'meeting' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name
                """)
            var rebuilt = table
                .replacingOccurrences(of: "CHECK (kind IN ('board', 'service-design', 'task-and-finish', 'pre-meeting'))",
                                      with: "CHECK (kind IN ('board', 'service-design', 'task-and-finish', 'committee', 'pre-meeting'))")
                .replacingOccurrences(of: "CHECK ((kind = 'task-and-finish') = (groupName IS NOT NULL))",
                                      with: "CHECK ((kind IN ('task-and-finish', 'committee')) = (groupName IS NOT NULL))")
            guard rebuilt != table, let open = rebuilt.range(of: "CREATE TABLE meeting") else {
                throw DatabaseError(message: "v20: the meeting table is not as expected; nothing was changed")
            }
            rebuilt.replaceSubrange(open, with: "CREATE TABLE meeting_v20")
            let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info('meeting') ORDER BY cid").joined(separator: ", ")
            try db.execute(sql: "PRAGMA legacy_alter_table = ON")
            try db.execute(sql: rebuilt)
            try db.execute(sql: "INSERT INTO meeting_v20 (\(columns)) SELECT \(columns) FROM meeting")
            try db.execute(sql: "DROP TABLE meeting")
            try db.execute(sql: "ALTER TABLE meeting_v20 RENAME TO meeting")
            try db.execute(sql: "PRAGMA legacy_alter_table = OFF")
            for sql in attached {
                try db.execute(sql: sql.replacingOccurrences(of: "WHEN 'task-and-finish' THEN 'Task and Finish'",
                                                             with: "WHEN 'task-and-finish' THEN 'Task and Finish' WHEN 'committee' THEN 'Committee'"))
            }
            try db.execute(sql: """
                ALTER TABLE meeting ADD COLUMN quorate INTEGER;
                ALTER TABLE decision ADD COLUMN provisional INTEGER NOT NULL DEFAULT 0;
                """)
        }
        migrator.registerMigration("v21: papers sent to each invited parent") { db in
            try db.execute(sql: """
                CREATE TABLE paperSent (
                    id INTEGER PRIMARY KEY,
                    meetingId INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
                    championId INTEGER NOT NULL REFERENCES champion(id),
                    format TEXT NOT NULL CHECK (format IN ('e-mail', 'print', 'large print')),
                    sentOn TEXT NOT NULL,
                    recordedBy TEXT NOT NULL,
                    recordedAt REAL NOT NULL,
                    UNIQUE (meetingId, championId)
                );
                """)
            try createTextLimits(db, tables: ["paperSent"])
        }
        migrator.registerMigration("v22: the register of interests") { db in
            try db.execute(sql: """
                CREATE TABLE interest (
                    id INTEGER PRIMARY KEY,
                    championId INTEGER REFERENCES champion(id),
                    userId INTEGER REFERENCES user(id),
                    person TEXT NOT NULL,
                    what TEXT NOT NULL CHECK (length(trim(what)) > 0),
                    fromDate TEXT NOT NULL,
                    untilDate TEXT,
                    meetingId INTEGER REFERENCES meeting(id) ON DELETE SET NULL,
                    proposalId INTEGER REFERENCES fundProposal(id) ON DELETE SET NULL,
                    recordedBy TEXT NOT NULL,
                    recordedAt REAL NOT NULL,
                    CHECK (championId IS NOT NULL OR userId IS NOT NULL)
                );
                CREATE INDEX interest_champion ON interest(championId);
                CREATE INDEX interest_user ON interest(userId);
                CREATE INDEX interest_meeting ON interest(meetingId);
                """)
            try createTextLimits(db, tables: ["interest"])
        }
        migrator.registerMigration("v23: access needs, what venues offer, what is arranged for a meeting") { db in
            let needs = "'step-free access', 'hearing loop', 'large print', 'interpreter', 'quiet room', 'breastfeeding space'"
            try db.execute(sql: """
                CREATE TABLE accessNeed (
                    id INTEGER PRIMARY KEY,
                    championId INTEGER REFERENCES champion(id) ON DELETE CASCADE,
                    need TEXT NOT NULL CHECK (need IN (\(needs))),
                    language TEXT NOT NULL DEFAULT '',
                    recordedBy TEXT NOT NULL,
                    recordedAt REAL NOT NULL,
                    UNIQUE (championId, need, language)
                );
                CREATE TABLE venueFacility (
                    id INTEGER PRIMARY KEY,
                    venue TEXT NOT NULL COLLATE NOCASE,
                    facility TEXT NOT NULL CHECK (facility IN (\(needs))),
                    UNIQUE (venue, facility)
                );
                CREATE TABLE meetingArrangement (
                    id INTEGER PRIMARY KEY,
                    meetingId INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
                    need TEXT NOT NULL CHECK (need IN (\(needs))),
                    language TEXT NOT NULL DEFAULT '',
                    note TEXT NOT NULL DEFAULT '',
                    recordedBy TEXT NOT NULL,
                    recordedAt REAL NOT NULL
                );
                CREATE INDEX meetingArrangement_meeting ON meetingArrangement(meetingId);
                """)
            try createTextLimits(db, tables: ["accessNeed", "venueFacility", "meetingArrangement"])
        }
        migrator.registerMigration("v24: minutes approved at the next meeting, and addenda to them") { db in
            try db.execute(sql: """
                ALTER TABLE meeting ADD COLUMN minutesApprovedBy INTEGER REFERENCES meeting(id) ON DELETE SET NULL;
                ALTER TABLE meeting ADD COLUMN minutesApprovedOn TEXT;
                CREATE TABLE minutesAddendum (
                    id INTEGER PRIMARY KEY,
                    meetingId INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
                    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
                    addedOn TEXT NOT NULL,
                    recordedBy TEXT NOT NULL,
                    recordedAt REAL NOT NULL
                );
                CREATE INDEX minutesAddendum_meeting ON minutesAddendum(meetingId);
                CREATE TRIGGER minutesAddendum_no_update BEFORE UPDATE ON minutesAddendum
                BEGIN SELECT RAISE(ABORT, 'An addendum to minutes is kept as written: add another.'); END;
                """)
            try createTextLimits(db, tables: ["meeting", "minutesAddendum"])
        }
        migrator.registerMigration("v25: series of meetings") { db in
            // A series holds its rule and what its meetings share (the calendar's master
            // event); each meeting stays its own row, with the day the rule gave it.
            try db.execute(sql: """
                CREATE TABLE meetingSeries (
                    id INTEGER PRIMARY KEY,
                    recurrence TEXT NOT NULL,
                    firstDate TEXT NOT NULL,
                    untilDate TEXT NOT NULL CHECK (untilDate >= firstDate),
                    title TEXT NOT NULL,
                    startMinute INTEGER NOT NULL,
                    endMinute INTEGER NOT NULL,
                    venue TEXT NOT NULL DEFAULT '',
                    uid TEXT NOT NULL UNIQUE,
                    version INTEGER NOT NULL DEFAULT 1,
                    updatedBy TEXT,
                    updatedAt REAL
                );
                ALTER TABLE meeting ADD COLUMN seriesId INTEGER REFERENCES meetingSeries(id) ON DELETE SET NULL;
                ALTER TABLE meeting ADD COLUMN seriesDate TEXT;
                CREATE INDEX meeting_series ON meeting(seriesId, seriesDate);
                """)
            try createTextLimits(db, tables: ["meeting", "meetingSeries"])
        }
        migrator.registerMigration("v26: consent to e-mail reminders, and the reminders sent") { db in
            try db.execute(sql: """
                CREATE TABLE contactPreference (
                    championId INTEGER PRIMARY KEY REFERENCES champion(id) ON DELETE CASCADE,
                    emailReminders INTEGER NOT NULL CHECK (emailReminders IN (0, 1)),
                    address TEXT NOT NULL DEFAULT '',
                    agreedOn TEXT,
                    recordedBy TEXT NOT NULL,
                    recordedAt REAL NOT NULL
                );
                CREATE TABLE reminderSent (
                    id INTEGER PRIMARY KEY,
                    championId INTEGER NOT NULL REFERENCES champion(id) ON DELETE CASCADE,
                    meetingUid TEXT NOT NULL,
                    meetingId INTEGER REFERENCES meeting(id) ON DELETE SET NULL,
                    offsetMinutes INTEGER NOT NULL,
                    sentAt REAL NOT NULL,
                    UNIQUE (championId, meetingUid, offsetMinutes)
                );
                """)
            try createTextLimits(db, tables: ["contactPreference", "reminderSent"])
        }
        migrator.registerMigration("v27: the plain mode, per account") { db in
            // A screen-reader user's own choice: the full-screen app opens in its plain
            // (linear) mode when they sign in, on whatever terminal.
            try db.execute(sql: "ALTER TABLE user ADD COLUMN plainMode INTEGER NOT NULL DEFAULT 0 CHECK (plainMode IN (0, 1))")
        }
        migrator.registerMigration("v28: indexes for the first screen at any size") { db in
            // The app's first screen asks which children are still signed in and each area's
            // earliest training refresher. Without these it read every booking (a million at
            // ten times the large demo: 114 ms) and every champion of an area.
            try db.execute(sql: """
                CREATE INDEX booking_still_in ON booking(meetingId) WHERE signedInAt IS NOT NULL AND signedOutAt IS NULL;
                CREATE INDEX champion_area_due ON champion(areaId, status, refresherDue);
                """)
        }
        migrator.registerMigration("v29: checks accepted as failing, with a reason") { db in
            // A failing check office staff accept for one meeting (meetingId) or every meeting
            // of a series (seriesId), with why, who and when. One per check and meeting or series.
            try db.execute(sql: """
                CREATE TABLE acceptedCheck (
                    id INTEGER PRIMARY KEY,
                    meetingId INTEGER REFERENCES meeting(id) ON DELETE CASCADE,
                    seriesId INTEGER REFERENCES meetingSeries(id) ON DELETE CASCADE,
                    barrier TEXT NOT NULL CHECK (barrier IN (\(Barrier.allCases.map { "'\($0.code)'" }.joined(separator: ", ")))),
                    reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
                    recordedBy TEXT NOT NULL,
                    recordedAt REAL NOT NULL,
                    CHECK ((meetingId IS NULL) <> (seriesId IS NULL)),
                    UNIQUE (meetingId, barrier),
                    UNIQUE (seriesId, barrier)
                );
                """)
            try createTextLimits(db, tables: ["acceptedCheck"])
        }
        migrator.registerMigration("v30: vouchers and expenses for every parent involved") { db in
            // The other parents who come to meetings, focus groups and reviews, by name: people
            // the app knows, read only by those who read rewards. A reward is for a Parent
            // Champion or for one of them (the table is made again, as SQLite cannot loosen a
            // column's NOT NULL).
            try db.execute(sql: """
                CREATE TABLE otherParent (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
                    recordedBy TEXT NOT NULL,
                    recordedAt REAL NOT NULL
                );
                CREATE TABLE rewardNew (
                    id INTEGER PRIMARY KEY,
                    championId INTEGER REFERENCES champion(id),
                    otherParentId INTEGER REFERENCES otherParent(id),
                    kind TEXT NOT NULL CHECK (kind IN ('voucher', 'expenses')),
                    reason TEXT NOT NULL CHECK (reason IN ('meeting', 'review', 'focus-group', 'other')),
                    pence INTEGER NOT NULL CHECK (pence > 0),
                    date TEXT NOT NULL,
                    declined BOOLEAN NOT NULL DEFAULT 0,
                    benefitsAdvice BOOLEAN NOT NULL DEFAULT 0,
                    note TEXT NOT NULL DEFAULT '',
                    CHECK ((championId IS NULL) <> (otherParentId IS NULL))
                );
                INSERT INTO rewardNew (id, championId, kind, reason, pence, date, declined, benefitsAdvice, note)
                    SELECT id, championId, kind, reason, pence, date, declined, benefitsAdvice, note FROM reward;
                DROP TABLE reward;
                ALTER TABLE rewardNew RENAME TO reward;
                CREATE INDEX reward_champion ON reward(championId, date);
                CREATE INDEX reward_otherParent ON reward(otherParentId, date);
                """)
            try createTextLimits(db, tables: ["otherParent", "reward"])
        }
        migrator.registerMigration("v31: the last meeting of the same body, from an index") { db in
            // A meeting's page names the last held meeting of its body (kind and group) for its
            // standing items and minutes. Without this the search walked back through every
            // earlier meeting: 34 ms for a Board, 758 ms (cold) for a committee that never met,
            // at ten times the large demo.
            try db.execute(sql: "CREATE INDEX meeting_body ON meeting(kind, ifnull(groupName, ''), status, date, startMinute)")
        }
        migrator.registerMigration("v32: the crèche list and the batch commands read from indexes") { db in
            // Whether a meeting has a crèche, kept on the meeting by triggers, with a partial
            // index of those that do: the crèche pane counted its sessions by looking each
            // upcoming meeting's plan up (16-39 ms at ten times the large demo, before the
            // first frame). Each booking carries its child's date of birth (a copy kept by
            // triggers, never written by the app), and the register's columns and it are in one
            // index, so a page of meetings counts its children by age band from the index alone
            // rather than looking up a million bookings and their children. Ideas by the day
            // raised, for the report's period.
            try db.execute(sql: """
                ALTER TABLE meeting ADD COLUMN hasCreche INTEGER NOT NULL DEFAULT 0 CHECK (hasCreche IN (0, 1));
                UPDATE meeting SET hasCreche = 1 WHERE id IN (SELECT meetingId FROM crechePlan);
                CREATE TRIGGER crechePlan_has_insert AFTER INSERT ON crechePlan
                BEGIN UPDATE meeting SET hasCreche = 1 WHERE id = NEW.meetingId; END;
                CREATE TRIGGER crechePlan_has_delete AFTER DELETE ON crechePlan
                BEGIN UPDATE meeting SET hasCreche = 0 WHERE id = OLD.meetingId; END;
                CREATE TRIGGER crechePlan_has_move AFTER UPDATE OF meetingId ON crechePlan
                BEGIN
                    UPDATE meeting SET hasCreche = 0 WHERE id = OLD.meetingId;
                    UPDATE meeting SET hasCreche = 1 WHERE id = NEW.meetingId;
                END;
                CREATE INDEX meeting_creche_when ON meeting(date, startMinute, id, searchText) WHERE hasCreche = 1;
                ALTER TABLE booking ADD COLUMN bornOn TEXT;
                UPDATE booking SET bornOn = (SELECT dateOfBirth FROM child WHERE child.id = booking.childId);
                CREATE TRIGGER booking_born_insert AFTER INSERT ON booking
                BEGIN UPDATE booking SET bornOn = (SELECT dateOfBirth FROM child WHERE id = NEW.childId) WHERE id = NEW.id; END;
                CREATE TRIGGER booking_born_move AFTER UPDATE OF childId ON booking
                BEGIN UPDATE booking SET bornOn = (SELECT dateOfBirth FROM child WHERE id = NEW.childId) WHERE id = NEW.id; END;
                CREATE TRIGGER child_born_update AFTER UPDATE OF dateOfBirth ON child
                BEGIN UPDATE booking SET bornOn = NEW.dateOfBirth WHERE childId = NEW.id; END;
                CREATE INDEX booking_register ON booking(meetingId, bornOn, childId, signedInAt, signedOutAt);
                CREATE INDEX idea_raised ON idea(raisedOn, areaId, status, rung);
                """)
        }
        migrator.registerMigration("v33: the first screen's counts kept as the data changes") { db in
            // The first screen shows how many meetings and crèches are to come and each area's
            // open ideas. Counted row by row, they grew with the data (the meetings' and
            // crèches' totals 5-7 ms, the areas' ideas 13 ms at ten times the large demo, all
            // before the first frame). Kept by triggers as tallies, a day's meetings and an
            // area's ideas of each status, they are read in a handful of rows. Each area's
            // earliest DBS renewal is read from an index in date order, not champion by champion.
            try db.execute(sql: """
                CREATE TABLE meetingDayCount (
                    date TEXT PRIMARY KEY,
                    meetings INTEGER NOT NULL DEFAULT 0,
                    creches INTEGER NOT NULL DEFAULT 0
                ) WITHOUT ROWID;
                INSERT INTO meetingDayCount (date, meetings, creches) SELECT date, COUNT(*), SUM(hasCreche) FROM meeting GROUP BY date;
                CREATE TRIGGER meeting_day_insert AFTER INSERT ON meeting
                BEGIN
                    INSERT OR IGNORE INTO meetingDayCount (date) VALUES (NEW.date);
                    UPDATE meetingDayCount SET meetings = meetings + 1, creches = creches + NEW.hasCreche WHERE date = NEW.date;
                END;
                CREATE TRIGGER meeting_day_delete AFTER DELETE ON meeting
                BEGIN
                    UPDATE meetingDayCount SET meetings = meetings - 1, creches = creches - OLD.hasCreche WHERE date = OLD.date;
                    DELETE FROM meetingDayCount WHERE date = OLD.date AND meetings = 0;
                END;
                CREATE TRIGGER meeting_day_update AFTER UPDATE OF date, hasCreche ON meeting
                BEGIN
                    UPDATE meetingDayCount SET meetings = meetings - 1, creches = creches - OLD.hasCreche WHERE date = OLD.date;
                    INSERT OR IGNORE INTO meetingDayCount (date) VALUES (NEW.date);
                    UPDATE meetingDayCount SET meetings = meetings + 1, creches = creches + NEW.hasCreche WHERE date = NEW.date;
                    DELETE FROM meetingDayCount WHERE date = OLD.date AND meetings = 0;
                END;
                CREATE TABLE ideaCount (
                    areaId INTEGER NOT NULL,
                    status TEXT NOT NULL,
                    ideas INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (areaId, status)
                ) WITHOUT ROWID;
                INSERT INTO ideaCount (areaId, status, ideas) SELECT areaId, status, COUNT(*) FROM idea GROUP BY areaId, status;
                CREATE TRIGGER idea_count_insert AFTER INSERT ON idea
                BEGIN
                    INSERT OR IGNORE INTO ideaCount (areaId, status) VALUES (NEW.areaId, NEW.status);
                    UPDATE ideaCount SET ideas = ideas + 1 WHERE areaId = NEW.areaId AND status = NEW.status;
                END;
                CREATE TRIGGER idea_count_delete AFTER DELETE ON idea
                BEGIN
                    UPDATE ideaCount SET ideas = ideas - 1 WHERE areaId = OLD.areaId AND status = OLD.status;
                END;
                CREATE TRIGGER idea_count_update AFTER UPDATE OF areaId, status ON idea
                BEGIN
                    UPDATE ideaCount SET ideas = ideas - 1 WHERE areaId = OLD.areaId AND status = OLD.status;
                    INSERT OR IGNORE INTO ideaCount (areaId, status) VALUES (NEW.areaId, NEW.status);
                    UPDATE ideaCount SET ideas = ideas + 1 WHERE areaId = NEW.areaId AND status = NEW.status;
                END;
                CREATE INDEX championPrivate_dbs ON championPrivate(dbsRenewalDue);
                """)
        }
        return migrator
    }

    /// Text the store writes itself, never typed: left without a limit.
    static let unlimitedText: Set<String> = ["audit.changes", "meeting.searchText", "booking.bornOn", "meetingDayCount.date", "ideaCount.status"]

    /// The longest text a column takes, by its name (``TextLimits``); a table's own column
    /// where the name alone does not say.
    static func textLimit(table: String, column: String) -> Int {
        switch (table, column) {
        case ("material", "text"): return TextLimits.material
        case ("incident", "what"), ("incident", "firstAidGiven"), ("incident", "action"), ("incidentFollowUp", "detail"),
             ("uncollectedStep", "note"), ("mustNotCollect", "reason"):
            return TextLimits.notes
        case (_, "notes"): return TextLimits.notes
        case (_, "minutes"): return TextLimits.minutes
        case (_, "name"), (_, "firstName"), (_, "familyName"), (_, "parentName"), (_, "collectedBy"), (_, "recordedBy"),
             (_, "owner"), (_, "reviewer"), (_, "updatedBy"), (_, "userName"), (_, "term"), (_, "trainingCourse"),
             (_, "phone"), (_, "email"), (_, "dbsNumber"), (_, "setBy"), (_, "addedBy"), ("interest", "person"), (_, "language"):
            return TextLimits.name
        case (_, "title"), (_, "groupName"), (_, "venue"), (_, "service"), (_, "key"), (_, "kind"), (_, "status"),
             (_, "response"), (_, "attendance"), (_, "role"), (_, "kdf"), (_, "action"), (_, "recordKind"), (_, "channel"),
             (_, "rung"), (_, "verdict"), (_, "recommendation"), (_, "uid"):
            return TextLimits.title
        default:
            // Dates are short; reasons, summaries, comments, contacts and the rest are a paragraph.
            return column.hasSuffix("On") || column.hasSuffix("Due") || column.hasSuffix("Since") || column.hasSuffix("Issued")
                || column == "date" || column == "due" || column == "dateOfBirth" ? TextLimits.title : TextLimits.summary
        }
    }

    /// The message a too-long text raises: "coproduce-too-long table.column limit".
    static let tooLongMarker = "coproduce-too-long"

    /// A trigger per table and change (insert, update) that refuses text longer than its limit.
    static func createTextLimits(_ db: Database, tables only: [String]? = nil) throws {
        let tables = try only ?? String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' ORDER BY name
            """)
        for table in tables {
            let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?) WHERE upper(type) = 'TEXT' ORDER BY cid",
                                              arguments: [table])
                .filter { !unlimitedText.contains("\(table).\($0)") }
            guard !columns.isEmpty else { continue }
            let checks: String = columns.map { column -> String in
                let limit = textLimit(table: table, column: column)
                return "SELECT RAISE(ABORT, '\(tooLongMarker) \(table).\(column) \(limit)') WHERE length(NEW.\(column)) > \(limit);"
            }.joined(separator: "\n    ")
            for event in ["INSERT", "UPDATE"] {
                try db.execute(sql: "DROP TRIGGER IF EXISTS \(table)_text_limits_\(event.lowercased())")
                let trigger: String = "CREATE TRIGGER \(table)_text_limits_\(event.lowercased()) BEFORE \(event) ON \(table)\nBEGIN\n    "
                    + checks + "\nEND"
                try db.execute(sql: trigger)
            }
        }
    }
}
