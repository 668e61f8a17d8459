<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccessibleNames</name>
    <message>
        <location filename="../../reviewer_app/ui/desk/accessible_names.py" line="+38"/>
        <source>Review queue</source>
        <translation>Review queue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>J next item, K previous item, Ctrl+Enter approve, Ctrl+R reject, F1 all keys</source>
        <translation>J next item, K previous item, Ctrl+Enter approve, Ctrl+R reject, F1 all keys</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Search the queue</source>
        <translation>Search the queue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family, inmate, call number or title; Esc clears the search</source>
        <translation>Family, inmate, call number or title; Esc clears the search</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter by kind</source>
        <translation>Filter by kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt+1 opens the list</source>
        <translation>Alt+1 opens the list</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter by status</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt+2 opens the list</source>
        <translation>Alt+2 opens the list</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter by rule flag</source>
        <translation>Filter by rule flag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt+3 opens the list</source>
        <translation>Alt+3 opens the list</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+7"/>
        <source>Documents of the item</source>
        <translation>Documents of the item</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>The item&apos;s documents: thumbnails, the document shown large and its details</source>
        <translation>The item&apos;s documents: thumbnails, the document shown large and its details</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Arrow keys choose a document</source>
        <translation>Arrow keys choose a document</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Document shown large</source>
        <translation>Document shown large</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+ and - zoom, 0 fits the width, R rotates, arrow keys move, Esc back to the queue</source>
        <translation>+ and - zoom, 0 fits the width, R rotates, arrow keys move, Esc back to the queue</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Applicant&apos;s photo</source>
        <translation>Applicant&apos;s photo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID document</source>
        <translation>ID document</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The item&apos;s facts, rule check and family history; Ctrl+Enter approve, Ctrl+R reject</source>
        <translation>The item&apos;s facts, rule check and family history; Ctrl+Enter approve, Ctrl+R reject</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Facts of the item</source>
        <translation>Facts of the item</translation>
    </message>
</context>
<context>
    <name>AppealsModel</name>
    <message>
        <location filename="../../reviewer_app/ui/supervisor/appeals_panel.py" line="+78"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Appealed on</source>
        <translation>Appealed on</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Family</source>
        <translation>Family</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Call number</source>
        <translation>Call number</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>First reviewer</source>
        <translation>First reviewer</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
</context>
<context>
    <name>AppealsPanel</name>
    <message>
        <location line="+61"/>
        <location line="+134"/>
        <source>Appeals</source>
        <extracomment>Emitted after a decision was saved (the table reloads itself). A refusal or a failure, in the member&apos;s words.</extracomment>
        <translation>Appeals</translation>
    </message>
    <message>
        <location line="-129"/>
        <source>The appeal and the rejected item</source>
        <translation>The appeal and the rejected item</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Documents of the rejected item</source>
        <translation>Documents of the rejected item</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your reasons, for the family (required, at most {count} characters)</source>
        <translation>Your reasons, for the family (required, at most {count} characters)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+26"/>
        <source>Reasons for the family</source>
        <translation>Reasons for the family</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>&amp;Uphold the rejection</source>
        <translation>&amp;Uphold the rejection</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Overturn the rejection</source>
        <translation>&amp;Overturn the rejection</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>A family may ask once for a rejection to be looked at again. Someone other than the member who rejected it decides; an overturn removes the strike and may end a suspension.</source>
        <translation>A family may ask once for a rejection to be looked at again. Someone other than the member who rejected it decides; an overturn removes the strike and may end a suspension.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>{count} appeals waiting</source>
        <translation>{count} appeals waiting</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No appeal selected.</source>
        <translation>No appeal selected.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Family</source>
        <translation>Family</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{family} · call number {call_number}</source>
        <translation>{family} · call number {call_number}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The family&apos;s appeal ({day})</source>
        <translation>The family&apos;s appeal ({day})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected on {day} by {reviewer}</source>
        <translation>Rejected on {day} by {reviewer}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The first reviewer&apos;s note (staff only)</source>
        <translation>The first reviewer&apos;s note (staff only)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not a strike</source>
        <translation>Not a strike</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A strike, dismissed</source>
        <translation>A strike, dismissed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A strike (P7): an overturn dismisses it</source>
        <translation>A strike (P7): an overturn dismisses it</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strike</source>
        <translation>Strike</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Body</source>
        <translation>Body</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Relationship</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{outcome} on {day} by {member}; the reply to the family</source>
        <translation>{outcome} on {day} by {member}; the reply to the family</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>You rejected this item yourself: another supervisor decides its appeal.</source>
        <translation>You rejected this item yourself: another supervisor decides its appeal.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decided: an appeal is decided once.</source>
        <translation>Decided: an appeal is decided once.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At most {count} characters.</source>
        <translation>At most {count} characters.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write your reasons for the family, then uphold or overturn.</source>
        <translation>Write your reasons for the family, then uphold or overturn.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Decide this appeal: {outcome}?</source>
        <translation>Decide this appeal: {outcome}?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Its strike is dismissed; a suspension it brought about ends with it (R2).</source>
        <translation>Its strike is dismissed; a suspension it brought about ends with it (R2).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The family reads your reasons. An appeal is decided once.</source>
        <translation>The family reads your reasons. An appeal is decided once.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appeal</source>
        <translation>Appeal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Appeal decided: {outcome}</source>
        <translation>Appeal decided: {outcome}</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../reviewer_app/ui/common/app.py" line="+62"/>
        <location filename="../../reviewer_app/ui/desk/demo_seeding.py" line="+240"/>
        <source>Contact Book Review Desk</source>
        <extracomment>run_desk&apos;s answer when the member signed out at the idle lock (not a process exit status).</extracomment>
        <translation>Contact Book Review Desk</translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <location filename="../../reviewer_app/ui/supervisor/common.py" line="+73"/>
        <source>Decision</source>
        <extracomment>Raw value of a cell, for sorting (times as times, numbers as numbers). The whole row object.</extracomment>
        <translation>Decision</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision undone</source>
        <translation>Decision undone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision in conflict</source>
        <translation>Decision in conflict</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item released</source>
        <translation>Item released</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspension</source>
        <translation>Suspension</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspension lifted</source>
        <translation>Suspension lifted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspension shortened</source>
        <translation>Suspension shortened</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strike dismissed</source>
        <translation>Strike dismissed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appeal: rejection upheld</source>
        <translation>Appeal: rejection upheld</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appeal: rejection overturned</source>
        <translation>Appeal: rejection overturned</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason added</source>
        <translation>Reason added</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason changed</source>
        <translation>Reason changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit trail viewed</source>
        <translation>Audit trail viewed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account added</source>
        <translation>Account added</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account disabled</source>
        <translation>Account disabled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reprinted</source>
        <translation>Reprinted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print record in conflict</source>
        <translation>Print record in conflict</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand-over recorded</source>
        <translation>Hand-over recorded</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand-over record in conflict</source>
        <translation>Hand-over record in conflict</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Second look: confirmed</source>
        <translation>Second look: confirmed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Second look: sent back</source>
        <translation>Second look: sent back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspension lift asked (待覆核)</source>
        <translation>Suspension lift asked (待覆核)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspension shortening asked (待覆核)</source>
        <translation>Suspension shortening asked (待覆核)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Account role changed</source>
        <translation>Account role changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target to decide changed</source>
        <translation>Target to decide changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Facility calendar changed</source>
        <translation>Facility calendar changed</translation>
    </message>
</context>
<context>
    <name>AuditBrowser</name>
    <message>
        <location filename="../../reviewer_app/ui/supervisor/audit_browser.py" line="+225"/>
        <source>Choose an event to read its details</source>
        <extracomment>The chosen event in full: what, who, when, and each detail on a line of its own.</extracomment>
        <translation>Choose an event to read its details</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Staff name or account</source>
        <translation>Staff name or account</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+69"/>
        <source>All actions</source>
        <translation>All actions</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Family name or service number</source>
        <translation>Family name or service number</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Call number or inmate name</source>
        <translation>Call number or inmate name</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verify the chain</source>
        <translation>Verify the chain</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Showing {shown} of {loaded} loaded</source>
        <translation>Showing {shown} of {loaded} loaded</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (the limit was reached: narrow the dates)</source>
        <translation> (the limit was reached: narrow the dates)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>{time} · {staff} · {action}</source>
        <translation>{time} · {staff} · {action}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The audit chain holds: {n} events</source>
        <translation>The audit chain holds: {n} events</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The audit chain is broken: {m}</source>
        <translation>The audit chain is broken: {m}</translation>
    </message>
</context>
<context>
    <name>AuditDetails</name>
    <message>
        <location filename="../../reviewer_app/ui/supervisor/event_details.py" line="+36"/>
        <source>Outcome</source>
        <extracomment>An ISO time as the engine stores it: 2026-11-02T16:30:00+00:00. Keys whose value is a code of the catalogue&apos;s reasons (one or a list). Keys that hold a record&apos;s identity (a UUID): shown short, the full one stays in the database.</extracomment>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reasons</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejection reason</source>
        <translation>Rejection reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remark to the family</source>
        <translation>Remark to the family</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision record</source>
        <translation>Decision record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspension number</source>
        <translation>Suspension number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts</source>
        <translation>Starts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ends</source>
        <translation>Ends</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended before</source>
        <translation>Ended before</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ends now</source>
        <translation>Ends now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Posts with strikes</source>
        <translation>Posts with strikes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspension</source>
        <translation>Suspension</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strike</source>
        <translation>Strike</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismissed strike</source>
        <translation>Dismissed strike</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Appeal</source>
        <translation>Appeal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reasons for the family</source>
        <translation>Reasons for the family</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First reviewer</source>
        <translation>First reviewer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strike dismissed</source>
        <translation>Strike dismissed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspension ended</source>
        <translation>Suspension ended</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason code</source>
        <translation>Reason code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved as</source>
        <translation>Saved as</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events found</source>
        <translation>Events found</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print record</source>
        <translation>Print record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand-over record</source>
        <translation>Hand-over record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print run</source>
        <translation>Print run</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copies</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handed over by</source>
        <translation>Handed over by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handed over at</source>
        <translation>Handed over at</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason the family reads</source>
        <translation>Reason the family reads</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggestion</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counts as a strike</source>
        <translation>Counts as a strike</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applies to</source>
        <translation>Applies to</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Until</source>
        <translation>Until</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family</source>
        <translation>Family</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inmate</source>
        <translation>Inmate</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delivered</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not be delivered</source>
        <translation>Could not be delivered</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>(all)</source>
        <translation>(all)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+6"/>
        <location line="+19"/>
        <source>; </source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../reviewer_app/ui/supervisor/audit_browser.py" line="-310"/>
        <source>Service #{id}</source>
        <translation>Service #{id}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Workstation</source>
        <translation>Workstation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Family</source>
        <translation>Family</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Inmate</source>
        <translation>Inmate</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
</context>
<context>
    <name>CalendarModel</name>
    <message>
        <location filename="../../reviewer_app/ui/supervisor/service_clock_panel.py" line="+103"/>
        <source>Working day</source>
        <translation>Working day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day off</source>
        <translation>Day off</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set by</source>
        <translation>Set by</translation>
    </message>
</context>
<context>
    <name>CatalogueEditor</name>
    <message>
        <location filename="../../reviewer_app/ui/supervisor/catalogue_editor.py" line="+94"/>
        <source>days from one post to the next</source>
        <translation>days from one post to the next</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>characters of a post&apos;s text</source>
        <translation>characters of a post&apos;s text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>photos in a post</source>
        <translation>photos in a post</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>size of a photo</source>
        <translation>size of a photo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>attachments of a post</source>
        <translation>attachments of a post</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>size of all attachments</source>
        <translation>size of all attachments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file types allowed</source>
        <translation>file types allowed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rejections before a suspension</source>
        <translation>rejections before a suspension</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>months of a suspension</source>
        <translation>months of a suspension</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>oldest age of the inmate&apos;s child</source>
        <translation>oldest age of the inmate&apos;s child</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Counts as a strike (P7, posts only)</source>
        <extracomment>A reason was added or changed: the saved ReasonRow. The reason just saved here, selected when the list comes back. The question before a save: what changes (None when not asking). The chosen reason as it is stored: the save says what differs from it.</extracomment>
        <translation>Counts as a strike (P7, posts only)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Active (offered to reviewers)</source>
        <translation>Active (offered to reviewers)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>New reason</source>
        <extracomment>What each {placeholder} stands for, with the facility&apos;s value. The reason and suggestion of the form as the facility&apos;s families read them.</extracomment>
        <translation>New reason</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+207"/>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location line="-206"/>
        <location line="+205"/>
        <source>Applies to</source>
        <translation>Applies to</translation>
    </message>
    <message>
        <location line="-202"/>
        <location line="+205"/>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location line="-204"/>
        <location line="+198"/>
        <source>Reason the family reads</source>
        <translation>Reason the family reads</translation>
    </message>
    <message>
        <location line="-197"/>
        <location line="+198"/>
        <source>Suggestion</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <location line="-196"/>
        <source>The family reads</source>
        <translation>The family reads</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>{placeholder} = {value} ({meaning})</source>
        <translation>{placeholder} = {value} ({meaning})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Numbers in braces take your facility&apos;s values: {entries}</source>
        <translation>Numbers in braces take your facility&apos;s values: {entries}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Code {code} exists already: select that reason to change it</source>
        <translation>Code {code} exists already: select that reason to change it</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing changed: nothing to save</source>
        <translation>Nothing changed: nothing to save</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Saved {code}</source>
        <translation>Saved {code}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Counts as a strike</source>
        <translation>Counts as a strike</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Add the reason {name} ({code}):</source>
        <extracomment>The fields a supervisor edits, in the form&apos;s order.</extracomment>
        <translation>Add the reason {name} ({code}):</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Change the reason {name} ({code}):</source>
        <translation>Change the reason {name} ({code}):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>  before: {text}</source>
        <translation>  before: {text}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  after: {text}</source>
        <translation>  after: {text}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>From now on a rejection for this reason counts as a strike: {threshold} in total suspend the family&apos;s posting for {months} month(s).</source>
        <translation>From now on a rejection for this reason counts as a strike: {threshold} in total suspend the family&apos;s posting for {months} month(s).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>From now on a rejection for this reason no longer counts as a strike (strikes already given stay).</source>
        <translation>From now on a rejection for this reason no longer counts as a strike (strikes already given stay).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reviewers will no longer be offered this reason.</source>
        <translation>Reviewers will no longer be offered this reason.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Workstations use the change after their next sync.</source>
        <translation>Workstations use the change after their next sync.</translation>
    </message>
</context>
<context>
    <name>CatalogueModel</name>
    <message>
        <location line="-459"/>
        <source>Posts</source>
        <translation>Posts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applications</source>
        <translation>Applications</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Both</source>
        <translation>Both</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Order</source>
        <extracomment>The facility&apos;s numbers: the list shows each reason as its families read it.</extracomment>
        <translation>Order</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Applies to</source>
        <translation>Applies to</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Strike</source>
        <translation>Strike</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reason the family reads</source>
        <translation>Reason the family reads</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Suggestion</source>
        <translation>Suggestion</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <location filename="../../reviewer_app/ui/stats/charts.py" line="+59"/>
        <source>No data</source>
        <extracomment>Readable on a workstation screen: labels never below 10 pt, titles larger.</extracomment>
        <translation>No data</translation>
    </message>
</context>
<context>
    <name>ComparePane</name>
    <message>
        <location filename="../../reviewer_app/ui/viewer/compare_pane.py" line="+99"/>
        <source>{kind}: not uploaded</source>
        <extracomment>The two documents compared side by side: the applicant&apos;s photo and the ID document.</extracomment>
        <translation>{kind}: not uploaded</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{kind}: loading…</source>
        <translation>{kind}: loading…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{kind}: {problem}</source>
        <translation>{kind}: {problem}</translation>
    </message>
</context>
<context>
    <name>ComparisonDialog</name>
    <message>
        <location filename="../../reviewer_app/ui/desk/second_look.py" line="+195"/>
        <source>Compare with the rejected one</source>
        <translation>Compare with the rejected one</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Rejected earlier: %1</source>
        <translation>Rejected earlier: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>sent %1, rejected %2</source>
        <translation>sent %1, rejected %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reasons given</source>
        <translation>Reasons given</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What the family read</source>
        <translation>What the family read</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Staff note</source>
        <translation>Staff note</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>struck out: removed, underlined: new</source>
        <translation>struck out: removed, underlined: new</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Body</source>
        <translation>Body</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>not replaced (the same file)</source>
        <translation>not replaced (the same file)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>replaced</source>
        <translation>replaced</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>added</source>
        <translation>added</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>removed</source>
        <translation>removed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>same picture</source>
        <translation>same picture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>similar picture</source>
        <translation>similar picture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>different picture</source>
        <translation>different picture</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>earlier</source>
        <translation>earlier</translation>
    </message>
</context>
<context>
    <name>ConfirmSaveDialog</name>
    <message>
        <location filename="../../reviewer_app/ui/supervisor/catalogue_editor.py" line="+395"/>
        <source>Add this reason?</source>
        <translation>Add this reason?</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the changes to this reason?</source>
        <translation>Save the changes to this reason?</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Curtain</name>
    <message>
        <location filename="../../reviewer_app/ui/access/idle_lock.py" line="+76"/>
        <source>Screen locked</source>
        <extracomment>Input that counts as the member being at the workstation.</extracomment>
        <translation>Screen locked</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../../reviewer_app/ui/common/date_edit.py" line="+37"/>
        <source>A date such as 115/12/07 (ROC year) or 2026/12/07</source>
        <translation>A date such as 115/12/07 (ROC year) or 2026/12/07</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose the date in a calendar</source>
        <translation>Choose the date in a calendar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calendar</source>
        <translation>Calendar</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <location filename="../../reviewer_app/ui/desk/decision_panel.py" line="+94"/>
        <location line="+78"/>
        <location line="+110"/>
        <source>Approve</source>
        <extracomment>Why documents of the shown item can never be shown as they are (the viewer says): approving is saying they were seen and are fine. The shown item&apos;s documents not opened yet, in words: the journal would refuse the approval.</extracomment>
        <translation>Approve</translation>
    </message>
    <message>
        <location line="-183"/>
        <location line="+77"/>
        <source>Reject…</source>
        <translation>Reject…</translation>
    </message>
    <message>
        <location line="-72"/>
        <location line="+179"/>
        <source>Choose the reasons and reject</source>
        <translation>Choose the reasons and reject</translation>
    </message>
    <message>
        <location line="-160"/>
        <source>Content</source>
        <translation>Content</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rule check</source>
        <translation>Rule check</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Family standing</source>
        <translation>Family standing</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Choose an item to review from the queue.</source>
        <translation>Choose an item to review from the queue.</translation>
    </message>
    <message numerus="yes">
        <location line="+97"/>
        <source>Cannot approve: %n rule(s) not met ({rules}); reject, or wait until resolved</source>
        <translation>
            <numerusform>Cannot approve: %n rule not met ({rules}); reject, or wait until resolved</numerusform>
            <numerusform>Cannot approve: %n rules not met ({rules}); reject, or wait until resolved</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This item has a decision; to change it, undo first (Ctrl+Z)</source>
        <translation>This item has a decision; to change it, undo first (Ctrl+Z)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{kind}  #{id}</source>
        <translation>{kind}  #{id}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Decided: {outcome}, waiting to sync to the shared database (Ctrl+Z undoes it)</source>
        <translation>Decided: {outcome}, waiting to sync to the shared database (Ctrl+Z undoes it)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This workstation&apos;s decision &quot;{outcome}&quot; did not take effect: {reason}</source>
        <translation>This workstation&apos;s decision &quot;{outcome}&quot; did not take effect: {reason}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Decided: {outcome}, synced</source>
        <translation>Decided: {outcome}, synced</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>On hold: {why}</source>
        <translation>On hold: {why}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Family:</source>
        <translation>Family:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} ({id})</source>
        <translation>{name} ({id})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relationship to the inmate:</source>
        <translation>Relationship to the inmate:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inmate:</source>
        <translation>Inmate:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call number {call}  {name} ({unit})</source>
        <translation>Call number {call}  {name} ({unit})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Facility:</source>
        <translation>Facility:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted:</source>
        <translation>Submitted:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(no title)</source>
        <translation>(no title)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(no text)</source>
        <translation>(no text)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{length}/{limit} characters</source>
        <translation>{length}/{limit} characters</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Title:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text:</source>
        <translation>Text:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length:</source>
        <translation>Length:</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Posting suspended through {day}</source>
        <translation>Posting suspended through {day}</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>Contact-book post content</source>
        <translation>Contact-book post content</translation>
    </message>
    <message>
        <location line="-89"/>
        <source>Cannot approve: a document cannot be shown ({problem}); reject it, saying what the family should send again</source>
        <translation>Cannot approve: a document cannot be shown ({problem}); reject it, saying what the family should send again</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Decided: {outcome}, waiting for a second look (待覆核): it takes effect when a colleague confirms it</source>
        <translation>Decided: {outcome}, waiting for a second look (待覆核): it takes effect when a colleague confirms it</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Service application details</source>
        <translation>Service application details</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(not filled in)</source>
        <translation>(not filled in)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n child(ren) ({ages})</source>
        <translation>
            <numerusform>%n child ({ages})</numerusform>
            <numerusform>%n children ({ages})</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>None on record</source>
        <translation>None on record</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{start} to {end}</source>
        <translation>{start} to {end}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from {start}, no end date</source>
        <translation>from {start}, no end date</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{kind}: {span}</source>
        <translation>{kind}: {span}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call number entered:</source>
        <translation>Call number entered:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inmate&apos;s call number:</source>
        <translation>Inmate&apos;s call number:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicant confirmed the inmate:</source>
        <translation>Applicant confirmed the inmate:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inmate&apos;s children:</source>
        <translation>Inmate&apos;s children:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restrictions:</source>
        <translation>Restrictions:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Other services:</source>
        <translation>Other services:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{approved} approved, {pending} pending</source>
        <translation>{approved} approved, {pending} pending</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>[This rejection] P7  the family&apos;s strike {threshold}/{threshold}: posting is suspended through {day}</source>
        <translation>[This rejection] P7  the family&apos;s strike {threshold}/{threshold}: posting is suspended through {day}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Meets every rule</source>
        <translation>Meets every rule</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>On hold</source>
        <translation>On hold</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not met</source>
        <translation>Not met</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>[{mark}] {rule}  {message}</source>
        <translation>[{mark}] {rule}  {message}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Strikes {strikes}/{threshold}</source>
        <translation>Strikes {strikes}/{threshold}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>One more strike suspends posting</source>
        <translation>One more strike suspends posting</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No other records</source>
        <translation>No other records</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{kind} &quot;{title}&quot;</source>
        <translation>{kind} &quot;{title}&quot;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{day}  {what}  {status}</source>
        <translation>{day}  {what}  {status}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reasons: {reasons}</source>
        <translation>Reasons: {reasons}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Counted as a strike</source>
        <translation>Counted as a strike</translation>
    </message>
</context>
<context>
    <name>DocumentService</name>
    <message>
        <location filename="../../reviewer_app/ui/viewer/documents.py" line="+204"/>
        <source>This document cannot be shown: an unexpected error occurred while opening it.</source>
        <extracomment>PDF pages are rendered this wide: sharp at 100 % on a workstation screen, about 2 MB a page. Priorities on the document worker: what is on screen first, then the next items. The next items&apos; documents are decoded once the shown item is on screen (``start_ahead``, which the desk calls after its repaint), or after this long when nobody says so: decoding them at once would compete with that repaint for the processor. Keeps what opening a document found (on the document worker); True when that is news to the rules. The problem will pass (the shared database out of reach): not kept, asked again next time. A picture&apos;s own size (upright): the view shows ``image`` at this size, whatever its pixels. ``image`` was decoded at the view&apos;s size, with fewer pixels than the picture: the whole picture is decoded when the reviewer zooms past them (DocumentService.request_full). What the loader (or the store) found, for the journal; None when it says nothing of the upload.</extracomment>
        <translation>This document cannot be shown: an unexpected error occurred while opening it.</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <location filename="../../reviewer_app/ui/viewer/metadata_panel.py" line="+43"/>
        <source>File:</source>
        <translation>File:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size:</source>
        <translation>Size:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pixels:</source>
        <translation>Pixels:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taken:</source>
        <translation>Taken:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Camera:</source>
        <translation>Camera:</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/viewer/viewer_actions.py" line="+20"/>
        <source>Next document</source>
        <translation>Next document</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Previous document</source>
        <translation>Previous document</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>+</source>
        <comment>zoom in button</comment>
        <translation>+</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>−</source>
        <comment>zoom out button</comment>
        <translation>−</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fit width</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fit the document to the view&apos;s width</source>
        <translation>Fit the document to the view&apos;s width</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Whole page</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show the whole document in the view</source>
        <translation>Show the whole document in the view</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Actual size (100%)</source>
        <translation>Actual size (100%)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rotate ↻</source>
        <translation>Rotate ↻</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rotate clockwise</source>
        <translation>Rotate clockwise</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rotate ↺</source>
        <translation>Rotate ↺</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rotate anticlockwise</source>
        <translation>Rotate anticlockwise</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>›</source>
        <comment>next page button</comment>
        <translation>›</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next PDF page</source>
        <translation>Next PDF page</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>‹</source>
        <comment>previous page button</comment>
        <translation>‹</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Previous PDF page</source>
        <translation>Previous PDF page</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Compare</source>
        <translation>Compare</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/viewer/document_viewer.py" line="+254"/>
        <location filename="../../reviewer_app/ui/viewer/viewer_actions.py" line="+5"/>
        <source>Compare the applicant&apos;s photo with the ID document</source>
        <extracomment>The thumbnails&apos; size: small, the document itself is what the reviewer reads. Photos are decoded for the large view&apos;s size, but never for less than this (pixels). The reviewer pressed Escape in the large view: the desk gives the focus back to the queue. What is known of the shown item&apos;s documents changed: ``problems()`` may say something new.</extracomment>
        <translation>Compare the applicant&apos;s photo with the ID document</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/viewer/viewer_actions.py" line="+5"/>
        <source>Focus the document (arrow keys pan, Esc returns)</source>
        <translation>Focus the document (arrow keys pan, Esc returns)</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/viewer/document_viewer.py" line="+2"/>
        <source>This item has no applicant photo or ID document to compare</source>
        <translation>This item has no applicant photo or ID document to compare</translation>
    </message>
    <message>
        <location line="+173"/>
        <source>This item has no documents.</source>
        <translation>This item has no documents.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{kind} · {file}</source>
        <translation>{kind} · {file}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loading the document…</source>
        <translation>Loading the document…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Rendering page {page}…</source>
        <translation>Rendering page {page}…</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Applicant&apos;s photo and ID document side by side</source>
        <translation>Applicant&apos;s photo and ID document side by side</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Page {page}/{pages}</source>
        <translation>Page {page}/{pages}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reviewer_app/ui/viewer/metadata_panel.py" line="+47"/>
        <source>{type}, %n page(s)</source>
        <translation>
            <numerusform>{type}, %n page</numerusform>
            <numerusform>{type}, %n pages</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not recorded</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Privacy: this photo contains GPS location data (where it was taken). Do not pass the original file on.</source>
        <translation>Privacy: this photo contains GPS location data (where it was taken). Do not pass the original file on.</translation>
    </message>
</context>
<context>
    <name>E1LapsedModel</name>
    <message>
        <location filename="../../reviewer_app/ui/supervisor/e1_lapsed_panel.py" line="+44"/>
        <source>No birth date on record</source>
        <translation>No birth date on record</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Family</source>
        <translation>Family</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Call number</source>
        <translation>Call number</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Youngest child&apos;s age</source>
        <translation>Youngest child&apos;s age</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lapsed on</source>
        <translation>Lapsed on</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Inmate</source>
        <translation>Inmate</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
</context>
<context>
    <name>E1LapsedPanel</name>
    <message>
        <location line="+34"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Approved services whose inmate has no child at or under the age limit any more (E1): their posts cannot be approved. Services with no birth date on record are listed first.</source>
        <translation>Approved services whose inmate has no child at or under the age limit any more (E1): their posts cannot be approved. Services with no birth date on record are listed first.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>{count} services</source>
        <translation>{count} services</translation>
    </message>
</context>
<context>
    <name>FamiliesModel</name>
    <message>
        <location filename="../../reviewer_app/ui/supervisor/families_panel.py" line="+98"/>
        <source>Family</source>
        <translation>Family</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Call number</source>
        <translation>Call number</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Strikes (this cycle)</source>
        <translation>Strikes (this cycle)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Suspended until</source>
        <translation>Suspended until</translation>
    </message>
</context>
<context>
    <name>FamiliesPanel</name>
    <message>
        <location line="-20"/>
        <source>Suspension {number}</source>
        <extracomment>Posts approved while their family was suspended stand out: the supervisor should look at them.</extracomment>
        <translation>Suspension {number}</translation>
    </message>
    <message>
        <location line="+242"/>
        <source>Lift suspension…</source>
        <extracomment>suspension number → its row (the id a lift or a shortening needs) A dismissal, a lift or a shortening was saved. Something failed; the zh-TW message is also shown in the panel.</extracomment>
        <translation>Lift suspension…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shorten suspension…</source>
        <translation>Shorten suspension…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dismiss strike…</source>
        <translation>Dismiss strike…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Families with strikes or suspensions (suspended first)</source>
        <translation>Families with strikes or suspensions (suspended first)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Their suspensions</source>
        <translation>Their suspensions</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Their strikes (P7)</source>
        <translation>Their strikes (P7)</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>{family} (call number {call}): strikes this cycle {count}</source>
        <translation>{family} (call number {call}): strikes this cycle {count}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, suspended until {day}</source>
        <translation>, suspended until {day}</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Lift the suspension of {family} (call number {call}): they may post again from now on. Why?</source>
        <translation>Lift the suspension of {family} (call number {call}): they may post again from now on. Why?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lift suspension</source>
        <translation>Lift suspension</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Shorten the suspension of {family} (call number {call}), due to end on {end}. Choose the new end date and say why:</source>
        <translation>Shorten the suspension of {family} (call number {call}), due to end on {end}. Choose the new end date and say why:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shorten suspension</source>
        <translation>Shorten suspension</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Suspension lifted</source>
        <translation>Suspension lifted</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Suspension shortened</source>
        <translation>Suspension shortened</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sent for a second look: another supervisor confirms it in 待覆核 (Ctrl+Shift+K)</source>
        <translation>Sent for a second look: another supervisor confirms it in 待覆核 (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Dismiss the strike of {day} (post #{post}, {reason}): it will no longer count towards a suspension.</source>
        <translation>Dismiss the strike of {day} (post #{post}, {reason}): it will no longer count towards a suspension.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> {suspension} (last day {day}) spent this strike: it ends with it, and its other strikes count in this cycle again.</source>
        <translation> {suspension} (last day {day}) spent this strike: it ends with it, and its other strikes count in this cycle again.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> Why?</source>
        <translation> Why?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismiss strike</source>
        <translation>Dismiss strike</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Dismissed</source>
        <translation>Dismissed</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>; {suspension} ended with it</source>
        <translation>; {suspension} ended with it</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; {suspension} started, last day {day}</source>
        <translation>; {suspension} started, last day {day}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, strikes now {count}</source>
        <translation>, strikes now {count}</translation>
    </message>
</context>
<context>
    <name>FamilyStrikesModel</name>
    <message>
        <location line="-412"/>
        <source>Date</source>
        <extracomment>Account → display name: supervisors know each other by name, not by login.</extracomment>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Counts for</source>
        <translation>Counts for</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dismissed by</source>
        <translation>Dismissed by</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Dismissed</source>
        <translation>Dismissed</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This cycle</source>
        <translation>This cycle</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Spent by suspension {number}</source>
        <translation>Spent by suspension {number}</translation>
    </message>
</context>
<context>
    <name>FamilySuspensionsModel</name>
    <message>
        <location line="-121"/>
        <source>Suspension</source>
        <extracomment>Suspension number → the display name of the supervisor who lifted it. Suspension numbers whose lift or shortening waits for a second supervisor (four eyes).</extracomment>
        <translation>Suspension</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No. {number}</source>
        <translation>No. {number}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Starts</source>
        <translation>Starts</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Last day</source>
        <translation>Last day</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lifted</source>
        <translation>Lifted</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Strikes it spent (posts)</source>
        <translation>Strikes it spent (posts)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Posts approved while suspended</source>
        <translation>Posts approved while suspended</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Running; the change asked for awaits a second look (待覆核)</source>
        <translation>Running; the change asked for awaits a second look (待覆核)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{posts} (please check)</source>
        <translation>{posts} (please check)</translation>
    </message>
</context>
<context>
    <name>FiguresModel</name>
    <message>
        <location filename="../../reviewer_app/ui/stats/table_model.py" line="+48"/>
        <source>Item</source>
        <extracomment>The row&apos;s stable key (``posts.rejected``…; None on a section title) and its raw value.</extracomment>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+25"/>
        <source>Whole facility</source>
        <extracomment>What a reviewer&apos;s figure is compared with: the whole facility, or all facilities.</extracomment>
        <translation>Whole facility</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>hours</source>
        <translation>hours</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>{item} ({whole} {value})</source>
        <translation>{item} ({whole} {value})</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No hand-over times recorded yet: nothing to measure</source>
        <translation>No hand-over times recorded yet: nothing to measure</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No cases to measure this month</source>
        <translation>No cases to measure this month</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The whole facility&apos;s rejection rate, same month</source>
        <translation>The whole facility&apos;s rejection rate, same month</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../reviewer_app/ui/printing/handover_dialog.py" line="+43"/>
        <source>Record hand-over</source>
        <translation>Record hand-over</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand-over of {count} printed post(s):</source>
        <translation>Hand-over of {count} printed post(s):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivered to the inmate</source>
        <translation>Delivered to the inmate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not be delivered</source>
        <translation>Could not be delivered</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Only if not the inmate in person</source>
        <translation>Only if not the inmate in person</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Transferred (移監)</source>
        <translation>Transferred (移監)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Released (出監)</source>
        <translation>Released (出監)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Required for Other</source>
        <translation>Required for Other</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Handed over by</source>
        <translation>Handed over by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipient</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Record</source>
        <translation>Record</translation>
    </message>
</context>
<context>
    <name>HelpOverlay</name>
    <message>
        <location filename="../../reviewer_app/ui/common/help_overlay.py" line="+57"/>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Esc, F1 or ? closes this help. Tooltips name the shortcuts too; Settings → Keyboard shortcuts… changes them.</source>
        <translation>Esc, F1 or ? closes this help. Tooltips name the shortcuts too; Settings → Keyboard shortcuts… changes them.</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <location filename="../../reviewer_app/ui/access/idle_lock.py" line="+193"/>
        <source>Checking…</source>
        <extracomment>The member signs out from the lock, or cannot unlock (disabled account, too many attempts).</extracomment>
        <translation>Checking…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source> Please sign out.</source>
        <translation> Please sign out.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The password could not be checked ({error}).</source>
        <translation>The password could not be checked ({error}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too many wrong passwords. Please sign in again.</source>
        <translation>Too many wrong passwords. Please sign in again.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reviewer_app/ui/desk/main_window.py" line="+156"/>
        <location line="+141"/>
        <source>{name} ({workstation})</source>
        <extracomment>After a failed sync, retry after these delays, then at the normal interval. How many items after the one shown have their documents decoded ahead. A window that fits a 1440×900 monitor, made smaller to fit a smaller screen. The queue&apos;s width at first (a narrow list: kind, family, waiting, status) and the panel&apos;s widest. On a small screen (1366 at 150 %: 910 logical pixels) the queue gets no more than this share. The desk has closed (Ctrl+Q, the window&apos;s close button, sign-out): windows opened from it close too.</extracomment>
        <translation>{name} ({workstation})</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/desk/menus.py" line="+27"/>
        <source>Undo the last decision</source>
        <translation>Undo the last decision</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Undo the last decision not yet synced</source>
        <translation>Undo the last decision not yet synced</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next item</source>
        <translation>Next item</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Previous item</source>
        <translation>Previous item</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Search the queue</source>
        <translation>Search the queue</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Filter by kind</source>
        <translation>Filter by kind</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Filter by status</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Filter by rule flag</source>
        <translation>Filter by rule flag</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Back to the queue</source>
        <translation>Back to the queue</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Focus on the document</source>
        <translation>Focus on the document</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hide the queue: the document and the decision get the whole window</source>
        <translation>Hide the queue: the document and the decision get the whole window</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show dates with ROC (民國) years</source>
        <translation>Show dates with ROC (民國) years</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Review</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Documents</source>
        <translation>&amp;Documents</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Settings</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keyboard shortcuts…</source>
        <translation>Keyboard shortcuts…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/desk/main_window.py" line="+220"/>
        <source>Cannot read this workstation&apos;s review list: {error}</source>
        <translation>Cannot read this workstation&apos;s review list: {error}</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/desk/sync_controller.py" line="+208"/>
        <source>Syncing in {seconds} s; Ctrl+Z undoes it</source>
        <extracomment>The desk&apos;s words keep the window&apos;s translation context (&quot;MainWindow&quot;), wherever their code lives.</extracomment>
        <translation>Syncing in {seconds} s; Ctrl+Z undoes it</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Syncing with the shared database…</source>
        <translation>Syncing with the shared database…</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n decision(s) sent to the shared database; they can no longer be undone</source>
        <translation>
            <numerusform>%n decision sent to the shared database; it can no longer be undone</numerusform>
            <numerusform>%n decisions sent to the shared database; they can no longer be undone</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n approval(s) wait for a second look (待覆核): they take effect when a colleague confirms</source>
        <translation>
            <numerusform>%n approval waits for a second look (待覆核): it takes effect when a colleague confirms</numerusform>
            <numerusform>%n approvals wait for a second look (待覆核): they take effect when a colleague confirms</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Connected to the shared database again; synced</source>
        <translation>Connected to the shared database again; synced</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Cannot reach the shared database. Decisions are kept on this workstation and synced when it is back; retrying in the background.</source>
        <translation>Cannot reach the shared database. Decisions are kept on this workstation and synced when it is back; retrying in the background.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sync failed; decisions are kept on this workstation and the sync is retried in the background ({error})</source>
        <translation>Sync failed; decisions are kept on this workstation and the sync is retried in the background ({error})</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{user} ({count})</source>
        <translation>{user} ({count})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Decisions of colleagues waiting to sync</source>
        <translation>Decisions of colleagues waiting to sync</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This workstation keeps decisions of {who} that have not reached the shared database. Ask them to sign in here once, so that they sync; until then someone else may claim and decide those items again.</source>
        <translation>This workstation keeps decisions of {who} that have not reached the shared database. Ask them to sign in here once, so that they sync; until then someone else may claim and decide those items again.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{kind} #{id} {outcome}: {reason}</source>
        <translation>{kind} #{id} {outcome}: {reason}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Decisions not applied</source>
        <translation>Decisions not applied</translation>
    </message>
    <message numerus="yes">
        <location line="-9"/>
        <source>%n decision(s) from this workstation did not take effect: the item was dealt with elsewhere first.</source>
        <translation>
            <numerusform>%n decision from this workstation did not take effect: the item was dealt with elsewhere first.</numerusform>
            <numerusform>%n decisions from this workstation did not take effect: the item was dealt with elsewhere first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>%n item(s) being worked on by others</source>
        <translation>
            <numerusform>%n item being worked on by others</numerusform>
            <numerusform>%n items being worked on by others</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undecided items of this facility claimed by colleagues. They come back to the queue when a colleague closes the desk, or when their claim runs out.</source>
        <translation>Undecided items of this facility claimed by colleagues. They come back to the queue when a colleague closes the desk, or when their claim runs out.</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n item(s) past the target</source>
        <translation>
            <numerusform>%n item past the target</numerusform>
            <numerusform>%n items past the target</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undecided items of this facility whose decision was due before today (the facility&apos;s target in working days). The supervisor&apos;s tools list them under Overdue items.</source>
        <translation>Undecided items of this facility whose decision was due before today (the facility&apos;s target in working days). The supervisor&apos;s tools list them under Overdue items.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Offline: decisions are kept on this workstation</source>
        <translation>Offline: decisions are kept on this workstation</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not synced yet</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last sync {time}</source>
        <translation>Last sync {time}</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/desk/main_window.py" line="-259"/>
        <location line="+266"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Claimed {claimed}, to review {to_review}</source>
        <translation>Claimed {claimed}, to review {to_review}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, on hold {held}</source>
        <translation>, on hold {held}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decisions waiting to sync: {n}</source>
        <translation>Decisions waiting to sync: {n}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, conflicts: {n}</source>
        <translation>, conflicts: {n}</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/desk/decisions.py" line="+105"/>
        <source>Cannot reject</source>
        <extracomment>The desk&apos;s words keep the window&apos;s translation context (&quot;MainWindow&quot;), wherever their code lives. Set once the window has repainted: decisions waiting to be written (WRITE_AFTER_PAINT_S).</extracomment>
        <translation>Cannot reject</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The list of rejection reasons has not been fetched yet. Sync, then try again.</source>
        <translation>The list of rejection reasons has not been fetched yet. Sync, then try again.</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>Recorded: {kind} #{id} {outcome}</source>
        <translation>Recorded: {kind} #{id} {outcome}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>; the family&apos;s posting is suspended through {day}</source>
        <translation>; the family&apos;s posting is suspended through {day}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{said}; {then}</source>
        <translation>{said}; {then}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Decision not recorded</source>
        <translation>Decision not recorded</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>An unexpected error occurred and the decision was not recorded. Try again; if it fails again, call IT support.</source>
        <translation>An unexpected error occurred and the decision was not recorded. Try again; if it fails again, call IT support.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Cannot undo</source>
        <translation>Cannot undo</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Undone: the decision &quot;{outcome}&quot; on {kind} #{id}</source>
        <translation>Undone: the decision &quot;{outcome}&quot; on {kind} #{id}</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/desk/main_window.py" line="+81"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/desk/notes_box.py" line="+178"/>
        <source>Note kept; it goes to the shared database with the next sync</source>
        <translation>Note kept; it goes to the shared database with the next sync</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This item is no longer claimed here; the note was not kept</source>
        <translation>This item is no longer claimed here; the note was not kept</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The note could not be kept: {error}</source>
        <translation>The note could not be kept: {error}</translation>
    </message>
</context>
<context>
    <name>MorningDialog</name>
    <message>
        <location filename="../../reviewer_app/ui/printing/morning_view.py" line="+61"/>
        <source>Today&apos;s work</source>
        <translation>Today&apos;s work</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>To print</source>
        <translation>To print</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+7"/>
        <source>Posts</source>
        <translation>Posts</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>To hand over (walking order)</source>
        <translation>To hand over (walking order)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Room</source>
        <translation>Room</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Held back</source>
        <translation>Held back</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Print hand-over sheets…</source>
        <translation>Print hand-over sheets…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One page per housing unit, for signatures where scanning is not used</source>
        <translation>One page per housing unit, for signatures where scanning is not used</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hand-over sheets as PDF…</source>
        <translation>Hand-over sheets as PDF…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Mon</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tue</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wed</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thu</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fri</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sat</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sun</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{date} ({weekday}): to print {a} · to hand over {b} in {units} units · held back {c}</source>
        <translation>{date} ({weekday}): to print {a} · to hand over {b} in {units} units · held back {c}</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>{unit} · {people} inmates, {posts} posts</source>
        <translation>{unit} · {people} inmates, {posts} posts</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Hand-over sheets as PDF</source>
        <translation>Hand-over sheets as PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>NotesBox</name>
    <message>
        <location filename="../../reviewer_app/ui/desk/notes_box.py" line="-138"/>
        <location filename="../../reviewer_app/ui/supervisor/staff_notes.py" line="+17"/>
        <source>Staff notes (never shown to the family)</source>
        <extracomment>(kind, item id, text): the reviewer asks to keep a note on that item</extracomment>
        <translation>Staff notes (never shown to the family)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>A note for colleagues who look at this item after you</source>
        <translation>A note for colleagues who look at this item after you</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New staff note</source>
        <translation>New staff note</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add note</source>
        <translation>Add note</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Write a staff note</source>
        <translation>Write a staff note</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Staff note (never shown to the family)</source>
        <translation>Staff note (never shown to the family)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{when}  {who}: {text}</source>
        <translation>{when}  {who}: {text}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No notes yet.</source>
        <translation>No notes yet.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> (refused by the shared database: {reason})</source>
        <translation> (refused by the shared database: {reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (waiting to sync)</source>
        <translation> (waiting to sync)</translation>
    </message>
</context>
<context>
    <name>OverdueModel</name>
    <message>
        <location filename="../../reviewer_app/ui/supervisor/service_clock_panel.py" line="-53"/>
        <source>In the queue</source>
        <extracomment>What a supervisor&apos;s save changes: nobody else listens, the panel reloads itself.</extracomment>
        <translation>In the queue</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Due on</source>
        <translation>Due on</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Working days late</source>
        <translation>Working days late</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Family</source>
        <translation>Family</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Held by</source>
        <translation>Held by</translation>
    </message>
</context>
<context>
    <name>PrintQueueModel</name>
    <message>
        <location filename="../../reviewer_app/ui/printing/tree_model.py" line="+200"/>
        <source>Housing unit / inmate / post</source>
        <translation>Housing unit / inmate / post</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family member</source>
        <translation>Family member</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attachments and notes</source>
        <translation>Attachments and notes</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>{unit} ({count})</source>
        <translation>{unit} ({count})</translation>
    </message>
    <message>
        <location line="+12"/>
        <source> (transferred)</source>
        <translation> (transferred)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (released)</source>
        <translation> (released)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(no title)</source>
        <translation>(no title)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{status}, waiting to sync</source>
        <translation>{status}, waiting to sync</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{count}× {date}</source>
        <translation>{count}× {date}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{count} PDF</source>
        <translation>{count} PDF</translation>
    </message>
</context>
<context>
    <name>PrintView</name>
    <message>
        <location filename="../../reviewer_app/ui/printing/print_view.py" line="+319"/>
        <source>To print</source>
        <translation>To print</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To hand over</source>
        <translation>To hand over</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undeliverable</source>
        <translation>Undeliverable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivered lately</source>
        <translation>Delivered lately</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/printing/commands.py" line="+66"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print preview</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reprint…</source>
        <translation>Reprint…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Record hand-over…</source>
        <translation>Record hand-over…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tick all</source>
        <translation>Tick all</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tick none</source>
        <translation>Tick none</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Back to To print</source>
        <translation>Back to To print</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/printing/print_view.py" line="-138"/>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tick a print run</source>
        <translation>Tick a print run</translation>
    </message>
    <message>
        <location line="+151"/>
        <location line="+14"/>
        <source>(choose)</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/printing/print_list.py" line="+107"/>
        <source>Transferred</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Released</source>
        <translation>Released</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{reason}: {note}</source>
        <translation>{reason}: {note}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Held back: transferred</source>
        <translation>Held back: transferred</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Held back: released</source>
        <translation>Held back: released</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Held back: {restriction} (until further notice)</source>
        <translation>Held back: {restriction} (until further notice)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Held back: {restriction} (until {day})</source>
        <translation>Held back: {restriction} (until {day})</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Approved at {facility} (transferred here)</source>
        <translation>Approved at {facility} (transferred here)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{call_number} “{title}” → {facility} ({day})</source>
        <translation>{call_number} “{title}” → {facility} ({day})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>and {count} more</source>
        <translation>and {count} more</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transferred with the inmate to another facility:</source>
        <translation>Transferred with the inmate to another facility:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{when} · {count} posts</source>
        <translation>{when} · {count} posts</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>To print {a} · to hand over {b} · undeliverable {e} · waiting to sync {c} · conflicts {d}</source>
        <translation>To print {a} · to hand over {b} · undeliverable {e} · waiting to sync {c} · conflicts {d}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source> · held back {count}</source>
        <translation> · held back {count}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — shared database unreachable: showing the last list</source>
        <translation> — shared database unreachable: showing the last list</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/printing/print_view.py" line="+35"/>
        <source>{count} posts of the print run ticked</source>
        <translation>{count} posts of the print run ticked</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The shared database is unreachable; the records wait on this workstation.</source>
        <translation>The shared database is unreachable; the records wait on this workstation.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Something went wrong: {error}</source>
        <translation>Something went wrong: {error}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tick the posts to print first.</source>
        <translation>Tick the posts to print first.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Preparing the preview…</source>
        <translation>Preparing the preview…</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/printing/preview_dialog.py" line="+32"/>
        <source>Print preview: {count} posts</source>
        <translation>Print preview: {count} posts</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/printing/print_view.py" line="-258"/>
        <source>Today&apos;s work</source>
        <extracomment>the list on screen is the newest posts were printed (paper or PDF) and recorded: how many a PDF was written without recording a print (its path) hand-overs were recorded: how many a line for the counsellor (also shown in the view) the shared database answered (True) or could not be reached (False)</extracomment>
        <translation>Today&apos;s work</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Scan a page</source>
        <translation>Scan a page</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Held back</source>
        <translation>Held back</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>Preview of {count} posts: nothing is recorded unless printed.</source>
        <translation>Preview of {count} posts: nothing is recorded unless printed.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Preview closed; nothing was printed.</source>
        <translation>Preview closed; nothing was printed.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Tick printed posts to reprint.</source>
        <translation>Tick printed posts to reprint.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Export PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Writing the PDF of {count} posts…</source>
        <translation>Writing the PDF of {count} posts…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>PDF written: {posts} posts, {pages} pages ({path}). Not recorded as printed: they stay in To print.</source>
        <translation>PDF written: {posts} posts, {pages} pages ({path}). Not recorded as printed: they stay in To print.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Printing {count} posts…</source>
        <translation>Printing {count} posts…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Printed {posts} posts, {pages} pages.</source>
        <translation>Printed {posts} posts, {pages} pages.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PDF: {path}</source>
        <translation>PDF: {path}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Tick printed posts to record their hand-over.</source>
        <translation>Tick printed posts to record their hand-over.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tick undeliverable posts to put them back in To print.</source>
        <translation>Tick undeliverable posts to put them back in To print.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Hand-over recorded for {count} posts.</source>
        <translation>Hand-over recorded for {count} posts.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} posts are back in To print.</source>
        <translation>{count} posts are back in To print.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recorded that {count} posts could not be handed over ({why}). They wait under Undeliverable until handed over.</source>
        <translation>Recorded that {count} posts could not be handed over ({why}). They wait under Undeliverable until handed over.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Scan the inmate&apos;s card or choose the recipient first; nothing recorded.</source>
        <translation>Scan the inmate&apos;s card or choose the recipient first; nothing recorded.</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Nothing to hand over: no hand-over sheet.</source>
        <translation>Nothing to hand over: no hand-over sheet.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Writing the hand-over sheets…</source>
        <translation>Writing the hand-over sheets…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hand-over sheets: {pages} pages, one per housing unit.</source>
        <translation>Hand-over sheets: {pages} pages, one per housing unit.</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../reviewer_app/ui/queue/texts.py" line="+24"/>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{hours} h</source>
        <translation>{hours} h</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{days} d</source>
        <translation>{days} d</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{days} d {hours} h</source>
        <translation>{days} d {hours} h</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/queue/model.py" line="+73"/>
        <source>Kind</source>
        <extracomment>Raw value to sort a column by (numbers and times sort as numbers, not as their text). The roles the queue answers; a view asks for others too (font, alignment…): None at once.</extracomment>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family</source>
        <translation>Family</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inmate</source>
        <translation>Inmate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rule flags</source>
        <translation>Rule flags</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claim</source>
        <translation>Claim</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message numerus="yes">
        <location line="+244"/>
        <source>Past the target of %n working day(s)</source>
        <translation>
            <numerusform>Past the target of %n working day</numerusform>
            <numerusform>Past the target of %n working days</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/queue/texts.py" line="+47"/>
        <source>{holder} (lease expired)</source>
        <translation>{holder} (lease expired)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{holder} until {time}</source>
        <translation>{holder} until {time}</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/queue/model.py" line="+3"/>
        <source>The claim&apos;s lease has run out: the next sync renews it, unless another workstation has claimed the item meanwhile.</source>
        <translation>The claim&apos;s lease has run out: the next sync renews it, unless another workstation has claimed the item meanwhile.</translation>
    </message>
</context>
<context>
    <name>QueuePane</name>
    <message>
        <location filename="../../reviewer_app/ui/queue/queue_pane.py" line="+63"/>
        <source>Search family, inmate, call number, title… (Ctrl+F)</source>
        <extracomment>The columns of the folded (narrow) queue, and the width under which it folds. The current row changed (by the reviewer or by code); not emitted while rows are replaced.</extracomment>
        <translation>Search family, inmate, call number, title… (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+91"/>
        <source>All kinds</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location line="-84"/>
        <location line="+87"/>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>No item matches the search or the filters.
Esc in the search box clears it.</source>
        <translation>No item matches the search or the filters.
Esc in the search box clears it.</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>All rule flags</source>
        <translation>All rule flags</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any rule flag</source>
        <translation>Any rule flag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No rule flag</source>
        <translation>No rule flag</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>Flag {rule}</source>
        <translation>Flag {rule}</translation>
    </message>
    <message numerus="yes">
        <location line="+114"/>
        <source>No items to review here now: %n item(s) are being worked on by colleagues.
They come back to the queue when a colleague closes the desk or their claim runs out.</source>
        <translation>
            <numerusform>No items to review here now: %n item is being worked on by colleagues.
It comes back to the queue when the colleague closes the desk or their claim runs out.</numerusform>
            <numerusform>No items to review here now: %n items are being worked on by colleagues.
They come back to the queue when a colleague closes the desk or their claim runs out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../reviewer_app/ui/supervisor/common.py" line="+162"/>
        <source>New end date</source>
        <extracomment>The column&apos;s title, said when asked: it follows the desk&apos;s language (a LanguageChange repaints) What the cell&apos;s tooltip says (None: the cell&apos;s text)</extracomment>
        <translation>New end date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RecordQuestion</name>
    <message>
        <location filename="../../reviewer_app/ui/printing/record_question.py" line="+16"/>
        <source>Export PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record as printed?</source>
        <translation>Record as printed?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recorded: the {count} posts move to To hand over, as after printing on paper.
File only (to check or keep): they stay in To print.</source>
        <translation>Recorded: the {count} posts move to To hand over, as after printing on paper.
File only (to check or keep): they stay in To print.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Record as printed</source>
        <translation>Record as printed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File only</source>
        <translation>File only</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <location filename="../../reviewer_app/ui/desk/reject_dialog.py" line="+96"/>
        <source>Reject: {kind} #{id}</source>
        <translation>Reject: {kind} #{id}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tick the reasons it is not approved, listed in the family&apos;s words (zh-TW) (one or more; ↑↓ move, Space ticks, Enter rejects):</source>
        <translation>Tick the reasons it is not approved, listed in the family&apos;s words (zh-TW) (one or more; ↑↓ move, Space ticks, Enter rejects):</translation>
    </message>
    <message>
        <location line="+197"/>
        <source> (suggested by the rule check)</source>
        <translation> (suggested by the rule check)</translation>
    </message>
    <message>
        <location line="-168"/>
        <source>Reasons for the rejection</source>
        <translation>Reasons for the rejection</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Space ticks a reason; Enter rejects</source>
        <translation>Space ticks a reason; Enter rejects</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Message to the family (zh-TW), as the [Not approved] dialog on the portal shows it:</source>
        <translation>Message to the family (zh-TW), as the [Not approved] dialog on the portal shows it:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>A short remark for the family (optional, in the message above)</source>
        <translation>A short remark for the family (optional, in the message above)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remark for the family</source>
        <translation>Remark for the family</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Staff note (optional, the family does not see it)</source>
        <translation>Staff note (optional, the family does not see it)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Staff note</source>
        <translation>Staff note</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject with the ticked reasons (Enter)</source>
        <translation>Reject with the ticked reasons (Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close without a decision (Esc)</source>
        <translation>Close without a decision (Esc)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Remark for the family:</source>
        <translation>Remark for the family:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Note:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>(no reason chosen yet)</source>
        <translation>(no reason chosen yet)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rejecting a service application is not a strike.</source>
        <translation>Rejecting a service application is not a strike.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not a strike (the reasons are not the family&apos;s fault).</source>
        <translation>Not a strike (the reasons are not the family&apos;s fault).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Counts as a strike: the family will have {total}/{threshold}.</source>
        <translation>Counts as a strike: the family will have {total}/{threshold}.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source> Posting will be suspended for %n month(s), through {day}; the family&apos;s other pending posts go on hold.</source>
        <translation>
            <numerusform> Posting will be suspended for %n month, through {day}; the family&apos;s other pending posts go on hold.</numerusform>
            <numerusform> Posting will be suspended for %n months, through {day}; the family&apos;s other pending posts go on hold.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReprintDialog</name>
    <message>
        <location filename="../../reviewer_app/ui/printing/reprint_dialog.py" line="+14"/>
        <location line="+25"/>
        <source>Reprint</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>{count} of the ticked posts were printed before.</source>
        <translation>{count} of the ticked posts were printed before.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Why print them again?</source>
        <translation>Why print them again?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The printout was damaged</source>
        <translation>The printout was damaged</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The printout was lost</source>
        <translation>The printout was lost</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The inmate asked for another copy</source>
        <translation>The inmate asked for another copy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printing failed (paper jam, faint print)</source>
        <translation>Printing failed (paper jam, faint print)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose or type the reason</source>
        <translation>Choose or type the reason</translation>
    </message>
</context>
<context>
    <name>RoleWindows</name>
    <message>
        <location filename="../../reviewer_app/ui/desk/role_windows.py" line="+64"/>
        <source>Printing and hand-over</source>
        <translation>Printing and hand-over</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Settings</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Signed in: {name}</source>
        <translation>Signed in: {name}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot connect to the shared database: records wait on this workstation</source>
        <translation>Cannot connect to the shared database: records wait on this workstation</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Suspensions, reasons and audit trail</source>
        <translation>Suspensions, reasons and audit trail</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Statistics</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Printing</source>
        <translation>Printing</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Appeals</source>
        <translation>Appeals</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Waiting for a second look (待覆核)…</source>
        <translation>Waiting for a second look (待覆核)…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Su&amp;pervisor</source>
        <translation>Su&amp;pervisor</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Suspensions, reasons and audit trail…</source>
        <translation>Suspensions, reasons and audit trail…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Statistics…</source>
        <translation>Statistics…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printing…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appeals…</source>
        <translation>Appeals…</translation>
    </message>
</context>
<context>
    <name>ScanBar</name>
    <message>
        <location filename="../../reviewer_app/ui/printing/scan_bar.py" line="+50"/>
        <source>Recipient</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scan the inmate&apos;s card, then the page (F6)</source>
        <translation>Scan the inmate&apos;s card, then the page (F6)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan field</source>
        <translation>Scan field</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Hand over by scanning</source>
        <translation>Hand over by scanning</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>(scan or choose the recipient)</source>
        <translation>(scan or choose the recipient)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>No inmate with call number {text} in this list.</source>
        <translation>No inmate with call number {text} in this list.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recipient: {call} {name}. Now scan the page.</source>
        <translation>Recipient: {call} {name}. Now scan the page.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>This code is no page waiting in this list; nothing recorded.</source>
        <translation>This code is no page waiting in this list; nothing recorded.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Handed over: {call} {name}, post #{post}.</source>
        <translation>Handed over: {call} {name}, post #{post}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This page was reprinted: use the new page (post #{post}). Nothing recorded.</source>
        <translation>This page was reprinted: use the new page (post #{post}). Nothing recorded.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>WRONG INMATE: this page is for {call} {name}, not {other_call} {other_name}. Nothing recorded.</source>
        <translation>WRONG INMATE: this page is for {call} {name}, not {other_call} {other_name}. Nothing recorded.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Post #{post} ({call} {name}) is not waiting for its hand-over (already recorded?); nothing recorded.</source>
        <translation>Post #{post} ({call} {name}) is not waiting for its hand-over (already recorded?); nothing recorded.</translation>
    </message>
</context>
<context>
    <name>SecondLook</name>
    <message>
        <location filename="../../reviewer_app/ui/desk/second_look.py" line="-210"/>
        <source>Since the rejection, and reused pictures</source>
        <translation>Since the rejection, and reused pictures</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Compare with the rejected one…</source>
        <extracomment>the desk&apos;s date style (ROC years or not), set by the decision panel</extracomment>
        <translation>Compare with the rejected one…</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Same or nearly the same picture used by another family: %1; and %2 time(s) elsewhere</source>
        <translation>Same or nearly the same picture used by another family: %1; and %2 time(s) elsewhere</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Same or nearly the same picture used by another family: %1</source>
        <translation>Same or nearly the same picture used by another family: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same or nearly the same picture used at other facilities: %1 time(s)</source>
        <translation>Same or nearly the same picture used at other facilities: %1 time(s)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sent again after the rejection of %1.</source>
        <translation>Sent again after the rejection of %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text changed.</source>
        <translation>Text changed.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text not changed.</source>
        <translation>Text not changed.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents replaced or added: %1 of %2.</source>
        <translation>Documents replaced or added: %1 of %2.</translation>
    </message>
</context>
<context>
    <name>SecondLooks</name>
    <message>
        <location filename="../../reviewer_app/ui/supervisor/second_looks_panel.py" line="+72"/>
        <source>Approve service application</source>
        <extracomment>How large each upload is shown under the first decision.</extracomment>
        <translation>Approve service application</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lift suspension</source>
        <translation>Lift suspension</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shorten suspension</source>
        <translation>Shorten suspension</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>First decision</source>
        <translation>First decision</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Family</source>
        <translation>Family</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Call number</source>
        <translation>Call number</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Inmate</source>
        <translation>Inmate</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decided by</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Decided at</source>
        <translation>Decided at</translation>
    </message>
    <message>
        <location line="+333"/>
        <source>Waiting for a second look (待覆核)</source>
        <translation>Waiting for a second look (待覆核)</translation>
    </message>
</context>
<context>
    <name>SecondLooksPanel</name>
    <message>
        <location line="-293"/>
        <source>Decisions waiting for a second look</source>
        <extracomment>A verdict was saved. Something failed or was refused; the zh-TW message is also shown in the panel. The row whose documents are shown (a late answer for another row is dropped).</extracomment>
        <translation>Decisions waiting for a second look</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Confirm the colleague&apos;s decision: it takes effect now</source>
        <translation>Confirm the colleague&apos;s decision: it takes effect now</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send back…</source>
        <translation>Send back…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Send the decision back with a note: it does not take effect</source>
        <translation>Send the decision back with a note: it does not take effect</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Confirm (Ctrl+Enter)</source>
        <translation>Confirm (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send back… (Ctrl+R)</source>
        <translation>Send back… (Ctrl+R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Approving a service application and lifting or shortening a suspension take effect only when a second member of the facility confirms them. The family sees 審核中 until then.</source>
        <translation>Approving a service application and lifting or shortening a suspension take effect only when a second member of the facility confirms them. The family sees 審核中 until then.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Nothing waits for a second look.</source>
        <translation>Nothing waits for a second look.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>{family} ({relationship}) → {inmate} (call number {call})</source>
        <translation>{family} ({relationship}) → {inmate} (call number {call})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Decided by {name} ({username}) at {workstation}, {when}</source>
        <translation>Decided by {name} ({username}) at {workstation}, {when}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New end: {new} (was {old})</source>
        <translation>New end: {new} (was {old})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Due to end: {old}</source>
        <translation>Due to end: {old}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note: {note}</source>
        <translation>Note: {note}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Documents: {documents}</source>
        <translation>Documents: {documents}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your own decision: another member of the facility confirms it.</source>
        <translation>Your own decision: another member of the facility confirms it.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Confirmed: it takes effect now</source>
        <translation>Confirmed: it takes effect now</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Send back {what} of {family} by {name}: it does not take effect. What should be looked at again?</source>
        <translation>Send back {what} of {family} by {name}: it does not take effect. What should be looked at again?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send back</source>
        <translation>Send back</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sent back with your note: it does not take effect</source>
        <translation>Sent back with your note: it does not take effect</translation>
    </message>
</context>
<context>
    <name>SeedingDialog</name>
    <message>
        <location filename="../../reviewer_app/ui/desk/demo_seeding.py" line="+1"/>
        <source>Creating the demo data (families, posts and their photos)…</source>
        <translation>Creating the demo data (families, posts and their photos)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Creating the demo data: family {done} of {total}…</source>
        <translation>Creating the demo data: family {done} of {total}…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stopping…</source>
        <translation>Stopping…</translation>
    </message>
</context>
<context>
    <name>SeedingLabel</name>
    <message>
        <location line="-67"/>
        <source>Preparing the demo data…</source>
        <translation>Preparing the demo data…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Preparing the demo data: family {done} of {total}…</source>
        <translation>Preparing the demo data: family {done} of {total}…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The demo data could not be created: {error}</source>
        <translation>The demo data could not be created: {error}</translation>
    </message>
</context>
<context>
    <name>ServiceClockPanel</name>
    <message>
        <location filename="../../reviewer_app/ui/supervisor/service_clock_panel.py" line="+56"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> working days</source>
        <translation> working days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target to decide, in working days</source>
        <translation>Target to decide, in working days</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save target</source>
        <translation>Save target</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Day off</source>
        <translation>Day off</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working day</source>
        <translation>Working day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind of day</source>
        <translation>Kind of day</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>For example: typhoon day off</source>
        <translation>For example: typhoon day off</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save day</source>
        <translation>Save day</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Service clock</source>
        <translation>Service clock</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Target to decide:</source>
        <translation>&amp;Target to decide:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Counted in working days of Taipei after the day of submission: weekends, Taiwan&apos;s public holidays and the facility&apos;s days off below do not count, 補班 Saturdays do. Families see the expected decision day on the portal.</source>
        <translation>Counted in working days of Taipei after the day of submission: weekends, Taiwan&apos;s public holidays and the facility&apos;s days off below do not count, 補班 Saturdays do. Families see the expected decision day on the portal.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Facility&apos;s own days:</source>
        <translation>Facility&apos;s own days:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add or change a day:</source>
        <translation>&amp;Add or change a day:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Items past the target, the oldest first</source>
        <translation>Items past the target, the oldest first</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>%n item(s) past the target</source>
        <translation>
            <numerusform>%n item past the target</numerusform>
            <numerusform>%n items past the target</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../reviewer_app/ui/common/shortcuts.py" line="+29"/>
        <source>Decisions</source>
        <extracomment>What the action does, fixed when it is made: the help overlay shows this, not the tooltip, which may say why the action is off for the current item (C on a post).</extracomment>
        <translation>Decisions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desk</source>
        <translation>Desk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printing and hand-over</source>
        <translation>Printing and hand-over</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{text} ({keys})</source>
        <extracomment>The order of the groups in the help overlay.</extracomment>
        <translation>{text} ({keys})</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../reviewer_app/ui/common/shortcuts_dialog.py" line="+41"/>
        <location line="+32"/>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desk&apos;s own keys</source>
        <translation>Desk&apos;s own keys</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Click a field and press the new key; the cross clears it.</source>
        <translation>Click a field and press the new key; the cross clears it.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>{key} is already the key of “{other}”: choose another key for “{this}”.</source>
        <translation>{key} is already the key of “{other}”: choose another key for “{this}”.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../reviewer_app/ui/access/signin_dialog.py" line="+87"/>
        <source>Remember the password (in the system keyring)</source>
        <translation>Remember the password (in the system keyring)</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+28"/>
        <source>Sign in</source>
        <extracomment>The member signed in: a signin.StaffSession (its engine is connected as the member). The keyring could not keep (or forget) the password; the member signed in anyway (zh-TW text).</extracomment>
        <translation>Sign in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Signing in with the remembered password…</source>
        <translation>Signing in with the remembered password…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter your username and password.</source>
        <translation>Enter your username and password.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>The remembered password no longer works (it may have been changed). Enter your password.</source>
        <translation>The remembered password no longer works (it may have been changed). Enter your password.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signing in failed unexpectedly ({error}). Please contact IT.</source>
        <translation>Signing in failed unexpectedly ({error}). Please contact IT.</translation>
    </message>
</context>
<context>
    <name>StatisticsView</name>
    <message>
        <location filename="../../reviewer_app/ui/stats/view.py" line="+141"/>
        <location line="+98"/>
        <location line="+29"/>
        <location line="+78"/>
        <source>Loading…</source>
        <extracomment>The figures of the chosen month and facility are on screen. Loading failed; the message is shown in the view too. The figures on screen were written to a file (its path).</extracomment>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="-201"/>
        <source>Reload</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export report…</source>
        <translation>Export report…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save this month&apos;s figures on screen as a CSV or Excel (XLSX) file</source>
        <translation>Save this month&apos;s figures on screen as a CSV or Excel (XLSX) file</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Statistics</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Facility</source>
        <translation>Facility</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Received and decided, last 12 months</source>
        <translation>Received and decided, last 12 months</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reasons for not approving</source>
        <translation>Reasons for not approving</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reviewers&apos; rejection rates</source>
        <translation>Reviewers&apos; rejection rates</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejection rate</source>
        <translation>Rejection rate</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Figures as of {time}</source>
        <translation>Figures as of {time}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Export report</source>
        <translation>Export report</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV file (*.csv);;Excel workbook (*.xlsx)</source>
        <translation>CSV file (*.csv);;Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exported {rows} rows: {path}</source>
        <translation>Exported {rows} rows: {path}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not export the report: {detail}</source>
        <translation>Could not export the report: {detail}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the shared database cannot be reached or is not set up ({error})</source>
        <translation>the shared database cannot be reached or is not set up ({error})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>facility not found (number {id})</source>
        <translation>facility not found (number {id})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not read the statistics: {detail}</source>
        <translation>Could not read the statistics: {detail}</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Posts submitted to decided: median &lt;b&gt;{median}&lt;/b&gt; hours (90th percentile {p90})</source>
        <translation>Posts submitted to decided: median &lt;b&gt;{median}&lt;/b&gt; hours (90th percentile {p90})</translation>
    </message>
    <message>
        <location line="-205"/>
        <source>Backlog by time waiting</source>
        <translation>Backlog by time waiting</translation>
    </message>
    <message>
        <location line="+188"/>
        <source>{kind} received &lt;b&gt;{received}&lt;/b&gt;, approved &lt;b&gt;{approved}&lt;/b&gt;, not approved &lt;b&gt;{rejected}&lt;/b&gt;</source>
        <translation>{kind} received &lt;b&gt;{received}&lt;/b&gt;, approved &lt;b&gt;{approved}&lt;/b&gt;, not approved &lt;b&gt;{rejected}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Printed {printed}, handed over {handed_over}</source>
        <translation>Printed {printed}, handed over {handed_over}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Strikes {strikes}, posting suspended {suspensions}</source>
        <translation>Strikes {strikes}, posting suspended {suspensions}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waiting for review now &lt;b&gt;{waiting}&lt;/b&gt;</source>
        <translation>Waiting for review now &lt;b&gt;{waiting}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> | </source>
        <comment>between the summary&apos;s parts</comment>
        <translation> | </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Received and decided, last {n} months (to {month})</source>
        <translation>Received and decided, last {n} months (to {month})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Posts received</source>
        <translation>Posts received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Posts approved</source>
        <translation>Posts approved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Posts not approved</source>
        <translation>Posts not approved</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Service applications received</source>
        <translation>Service applications received</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reasons for not approving, {month}</source>
        <translation>Reasons for not approving, {month}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing was rejected this month</source>
        <translation>Nothing was rejected this month</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{name} ({username})</source>
        <translation>{name} ({username})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{rate} ({rejected}/{decided})</source>
        <translation>{rate} ({rejected}/{decided})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reviewers&apos; rejection rates ({month})</source>
        <translation>Reviewers&apos; rejection rates ({month})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No decisions this month</source>
        <translation>No decisions this month</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Backlog by time waiting (as of {time})</source>
        <translation>Backlog by time waiting (as of {time})</translation>
    </message>
</context>
<context>
    <name>StatisticsWords</name>
    <message>
        <location filename="../../reviewer_app/ui/stats/wording.py" line="+22"/>
        <source>Jan</source>
        <translation>Jan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feb</source>
        <translation>Feb</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mar</source>
        <translation>Mar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apr</source>
        <translation>Apr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>May</source>
        <translation>May</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jun</source>
        <translation>Jun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jul</source>
        <translation>Jul</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aug</source>
        <translation>Aug</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sep</source>
        <translation>Sep</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oct</source>
        <translation>Oct</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nov</source>
        <translation>Nov</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dec</source>
        <translation>Dec</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name} {year}</source>
        <translation>{name} {year}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All facilities</source>
        <translation>All facilities</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Whole facility</source>
        <translation>Whole facility</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{n}</source>
        <comment>a count of cases</comment>
        <translation>{n}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>hours</source>
        <translation>hours</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Photo unclear (E5)</source>
        <translation>Photo unclear (E5)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Text too long (P4)</source>
        <translation>Text too long (P4)</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>No minor child (E1)</source>
        <translation>No minor child (E1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not eligible (E2)</source>
        <translation>Not eligible (E2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restriction (E3)</source>
        <translation>Restriction (E3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate (E4)</source>
        <translation>Duplicate (E4)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing docs (E5)</source>
        <translation>Missing docs (E5)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrong call no. (E6)</source>
        <translation>Wrong call no. (E6)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs completing</source>
        <translation>Needs completing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No service (P1)</source>
        <translation>No service (P1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off-topic (P2)</source>
        <translation>Off-topic (P2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too soon (P3)</source>
        <translation>Too soon (P3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Empty (P4)</source>
        <translation>Empty (P4)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photos (P5)</source>
        <translation>Photos (P5)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attachment (P6)</source>
        <translation>Attachment (P6)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspended (P7)</source>
        <translation>Suspended (P7)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Child over age (E1)</source>
        <translation>Child over age (E1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Damaged file</source>
        <translation>Damaged file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rules not followed</source>
        <translation>Rules not followed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inmate released</source>
        <translation>Inmate released</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Facility reasons</source>
        <translation>Facility reasons</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Under 1 day</source>
        <translation>Under 1 day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1–3 days</source>
        <translation>1–3 days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3–7 days</source>
        <translation>3–7 days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>7 days or more</source>
        <translation>7 days or more</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not approved</source>
        <translation>Not approved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handed over</source>
        <translation>Handed over</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Service application: submitted to decided</source>
        <translation>Service application: submitted to decided</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contact-book post: submitted to decided</source>
        <translation>Contact-book post: submitted to decided</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contact-book post: approved to handed over</source>
        <translation>Contact-book post: approved to handed over</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{what} (cases)</source>
        <translation>{what} (cases)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} (median)</source>
        <translation>{what} (median)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} (90th percentile)</source>
        <translation>{what} (90th percentile)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{name} ({username})</source>
        <translation>{name} ({username})</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{kind}: reasons for not approving</source>
        <translation>{kind}: reasons for not approving</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Strikes and suspensions</source>
        <translation>Strikes and suspensions</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Strikes (P7)</source>
        <translation>Strikes (P7)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strikes dismissed</source>
        <translation>Strikes dismissed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Posting suspended</source>
        <translation>Posting suspended</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspensions lifted early</source>
        <translation>Suspensions lifted early</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Appeals received</source>
        <translation>Appeals received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejection upheld</source>
        <translation>Rejection upheld</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejection overturned</source>
        <translation>Rejection overturned</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Appeals</source>
        <translation>Appeals</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Handling time</source>
        <translation>Handling time</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Service target (submitted to decided)</source>
        <translation>Service target (submitted to decided)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Service target (submitted to decided: {days} working days)</source>
        <translation>Service target (submitted to decided: {days} working days)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Decided in time</source>
        <translation>Decided in time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decided late</source>
        <translation>Decided late</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share decided in time</source>
        <translation>Share decided in time</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Waiting for review (as of {time})</source>
        <translation>Waiting for review (as of {time})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{kind}: {age}</source>
        <translation>{kind}: {age}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reviewers</source>
        <translation>Reviewers</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name}: decisions</source>
        <translation>{name}: decisions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: rejection rate</source>
        <translation>{name}: rejection rate</translation>
    </message>
</context>
<context>
    <name>SupervisorTools</name>
    <message>
        <location filename="../../reviewer_app/ui/supervisor/__init__.py" line="+66"/>
        <source>Families&apos; strikes and suspensions</source>
        <translation>Families&apos; strikes and suspensions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Services whose children are over the age limit</source>
        <translation>Services whose children are over the age limit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejection reasons</source>
        <translation>Rejection reasons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit trail</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue items</source>
        <translation>Overdue items</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/supervisor/common.py" line="+31"/>
        <source>Could not be done: {error}</source>
        <translation>Could not be done: {error}</translation>
    </message>
</context>
<context>
    <name>ThumbnailModel</name>
    <message>
        <location filename="../../reviewer_app/ui/viewer/thumbnails.py" line="+82"/>
        <source>{kind}
Loading…</source>
        <extracomment>The thumbnails as icons: a view draws an icon at its icon size (a picture at its own size, which pushed a portrait photo&apos;s caption out of its cell).</extracomment>
        <translation>{kind}
Loading…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{kind}
Cannot be shown</source>
        <translation>{kind}
Cannot be shown</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>{kind}
%n page(s)</source>
        <translation>
            <numerusform>{kind}
%n page</numerusform>
            <numerusform>{kind}
%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../reviewer_app/ui/access/idle_lock.py" line="-190"/>
        <source>Screen locked</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The desk was idle and has been locked. Enter the password of {user} to go on.</source>
        <translation>The desk was idle and has been locked. Enter the password of {user} to go on.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../../reviewer_app/ui/common/words.py" line="+25"/>
        <source>Service application</source>
        <translation>Service application</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact-book post</source>
        <translation>Contact-book post</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+78"/>
        <source>Pending review</source>
        <translation>Pending review</translation>
    </message>
    <message>
        <location line="-77"/>
        <location line="+78"/>
        <source>On hold</source>
        <translation>On hold</translation>
    </message>
    <message>
        <location line="-77"/>
        <location line="+13"/>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+13"/>
        <source>Not approved</source>
        <translation>Not approved</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Withdrawn</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivered</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undeliverable</source>
        <translation>Undeliverable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Held back</source>
        <translation>Held back</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Spouse</source>
        <translation>Spouse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Father</source>
        <translation>Father</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mother</source>
        <translation>Mother</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Child</source>
        <translation>Child</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grandparent</source>
        <translation>Grandparent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grandchild</source>
        <translation>Grandchild</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sibling</source>
        <translation>Sibling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parent of spouse</source>
        <translation>Parent of spouse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spouse of child</source>
        <translation>Spouse of child</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grandparent of spouse</source>
        <translation>Grandparent of spouse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spouse of grandchild</source>
        <translation>Spouse of grandchild</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Child of spouse</source>
        <translation>Child of spouse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spouse of parent</source>
        <translation>Spouse of parent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grandchild of spouse</source>
        <translation>Grandchild of spouse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spouse of grandparent</source>
        <translation>Spouse of grandparent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spouse of sibling</source>
        <translation>Spouse of sibling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sibling of spouse</source>
        <translation>Sibling of spouse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spouse of a sibling of spouse</source>
        <translation>Spouse of a sibling of spouse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sibling-in-law</source>
        <translation>Sibling-in-law</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family member living with the inmate&apos;s child</source>
        <translation>Family member living with the inmate&apos;s child</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Court or prosecutor order forbidding visits, correspondence and items</source>
        <translation>Court or prosecutor order forbidding visits, correspondence and items</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disciplinary sanction in force</source>
        <translation>Disciplinary sanction in force</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Isolated for investigation</source>
        <translation>Isolated for investigation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protective isolation</source>
        <translation>Protective isolation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Placed in a protection room</source>
        <translation>Placed in a protection room</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medical isolation</source>
        <translation>Medical isolation</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Identity document</source>
        <translation>Identity document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relationship proof</source>
        <translation>Relationship proof</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicant&apos;s front photo</source>
        <translation>Applicant&apos;s front photo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attachment</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post photo</source>
        <translation>Post photo</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Decided, waiting to sync</source>
        <translation>Decided, waiting to sync</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synced</source>
        <translation>Synced</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for a second look (待覆核)</source>
        <translation>Waiting for a second look (待覆核)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decided by someone else</source>
        <translation>Decided by someone else</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>{size} MB</source>
        <extracomment>File types by the names the document loader gives them (``format_label``).</extracomment>
        <translation>{size} MB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{size} bytes</source>
        <translation>{size} bytes</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Message to the family (zh-TW): {text}</source>
        <translation>Message to the family (zh-TW): {text}</translation>
    </message>
</context>
</TS>
