<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CardItem</name>
    <message numerus="yes">
        <source>Linked to %n opportunity(s)</source>
        <translation>
            <numerusform>Linked to %n opportunity</numerusform>
            <numerusform>Linked to %n opportunities</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompletenessPanel</name>
    <message numerus="yes">
        <source>%n thing(s) to complete</source>
        <translation>
            <numerusform>%n thing to complete</numerusform>
            <numerusform>%n things to complete</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message numerus="yes">
        <source>Journeyboard closed unexpectedly with unsaved changes to %n map(s). Choose for each: recover it now (one map at a time), discard it (this cannot be undone) or keep it to decide at the next start.</source>
        <translation>
            <numerusform>Journeyboard closed unexpectedly with unsaved changes to %n map. Choose for each: recover it now (one map at a time), discard it (this cannot be undone) or keep it to decide at the next start.</numerusform>
            <numerusform>Journeyboard closed unexpectedly with unsaved changes to %n maps. Choose for each: recover it now (one map at a time), discard it (this cannot be undone) or keep it to decide at the next start.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewBanner</name>
    <message numerus="yes">
        <source>(and %n more overdue)</source>
        <translation>
            <numerusform>(and %n more overdue)</numerusform>
            <numerusform>(and %n more overdue)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewChip</name>
    <message numerus="yes">
        <source>Every %n month(s); click to change</source>
        <translation>
            <numerusform>Every month; click to change</numerusform>
            <numerusform>Every %n months; click to change</numerusform>
        </translation>
    </message>
</context>
</TS>
