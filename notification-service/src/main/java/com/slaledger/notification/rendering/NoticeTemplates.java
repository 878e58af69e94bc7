package com.slaledger.notification.rendering;

import java.time.ZoneId;

import com.slaledger.document.Words;
import com.slaledger.events.CreditChanged;
import com.slaledger.events.DisputeChanged;
import com.slaledger.events.MaintenanceNoticed;
import com.slaledger.events.ShortfallDetected;
import com.slaledger.events.StatementIssued;
import com.slaledger.events.WarningIssued;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The notices' layout, in templates/NoticeTemplates/, checked against the events at build time;
 * their words are the contract's language's ({@link Words}, SPEC §18), but for warnings, which go
 * to the provider's own people and are written in English.
 */
@CheckedTemplate(basePath = "NoticeTemplates")
public class NoticeTemplates {

    private NoticeTemplates() {}

    public static native TemplateInstance shortfallSubject(ShortfallDetected s, Words w);

    public static native TemplateInstance shortfallText(
            ShortfallDetected s, String customer, ZoneId zone, String provider, Words w);

    public static native TemplateInstance shortfallHtml(
            ShortfallDetected s, String customer, ZoneId zone, String provider, Words w);

    public static native TemplateInstance warningSubject(WarningIssued s);

    public static native TemplateInstance warningText(WarningIssued s, String customer, ZoneId zone, String provider);

    public static native TemplateInstance warningHtml(WarningIssued s, String customer, ZoneId zone, String provider);

    public static native TemplateInstance creditSubject(CreditChanged c, Words w);

    public static native TemplateInstance creditText(
            CreditChanged c, String customer, ZoneId zone, String provider, Words w);

    public static native TemplateInstance creditHtml(
            CreditChanged c, String customer, ZoneId zone, String provider, Words w);

    public static native TemplateInstance disputeSubject(DisputeChanged d, Words w);

    public static native TemplateInstance disputeText(
            DisputeChanged d, String customer, ZoneId zone, String provider, Words w);

    public static native TemplateInstance disputeHtml(
            DisputeChanged d, String customer, ZoneId zone, String provider, Words w);

    public static native TemplateInstance maintenanceSubject(MaintenanceNoticed m, ZoneId zone, Words w);

    public static native TemplateInstance maintenanceText(
            MaintenanceNoticed m, String customer, ZoneId zone, String provider, Words w);

    public static native TemplateInstance maintenanceHtml(
            MaintenanceNoticed m, String customer, ZoneId zone, String provider, Words w);

    public static native TemplateInstance statementSubject(StatementIssued s, Words w);

    public static native TemplateInstance statementText(
            StatementIssued s, String customer, ZoneId zone, String provider, Words w);

    public static native TemplateInstance statementHtml(
            StatementIssued s, String customer, ZoneId zone, String provider, Words w);
}
