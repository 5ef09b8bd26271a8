package org.partnershippathways.dataprotection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.partnershippathways.accesslog.CaseAccessLog;
import org.partnershippathways.accesslog.WhatWasRead;
import org.partnershippathways.cases.Cases;
import org.partnershippathways.platform.NotFoundException;
import org.partnershippathways.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Subject access: finds the person's cases, audits the export, and gathers everything held about them. */
@Service
class SubjectAccessExports {

  static final String EXPORTED = "EXPORTED";
  static final String READ = "READ";
  static final String PRINTED = "PRINTED";

  private final Cases cases;
  private final PersonalRecords records;
  private final EngineComments comments;
  private final DisclosureStatement disclosures;
  private final SubjectAccessAuditTable audit;
  private final CurrentUser currentUser;
  private final CaseAccessLog accessLog;

  SubjectAccessExports(Cases cases, PersonalRecords records, EngineComments comments,
      DisclosureStatement disclosures, SubjectAccessAuditTable audit, CurrentUser currentUser,
      CaseAccessLog accessLog) {
    this.cases = cases;
    this.records = records;
    this.comments = comments;
    this.disclosures = disclosures;
    this.audit = audit;
    this.currentUser = currentUser;
    this.accessLog = accessLog;
  }

  @Transactional
  SubjectAccessExport export(SubjectAccessRequest request) {
    List<String> caseIds = cases.casesOfPerson(request.normalisedNhsNumber(), request.family(),
        request.birthDate(), currentUser.partnerships());
    String by = currentUser.actingId();
    String exportId = audit.record(null, request.requestReference().trim(), EXPORTED, caseIds, by, Instant.now());
    accessLog.recordExport(caseIds, WhatWasRead.SUBJECT_ACCESS_EXPORT);
    return gather(exportId, request.requestReference().trim(), caseIds, by);
  }

  /** The export again ({@link #READ} or {@link #PRINTED}), from the cases it found; that reading is audited too. */
  @Transactional
  SubjectAccessExport again(String exportId, String action) {
    SubjectAccessAuditTable.RecordedExport recorded = audit.export(exportId)
        .filter(export -> export.caseIds().stream().allMatch(this::ofTheCallersPartnership))
        .orElseThrow(() -> new NotFoundException("No subject access export " + exportId));
    String by = currentUser.actingId();
    audit.record(exportId, recorded.requestReference(), action, recorded.caseIds(), by, Instant.now());
    accessLog.recordExport(recorded.caseIds(), PRINTED.equals(action) ? WhatWasRead.SUBJECT_ACCESS_PRINTABLE
        : WhatWasRead.SUBJECT_ACCESS_EXPORT_AGAIN);
    return gather(exportId, recorded.requestReference(), recorded.caseIds(), by);
  }

  /** A case of another partnership; an erased case is no longer anyone's. */
  private boolean ofTheCallersPartnership(String caseId) {
    return cases.partnershipOf(caseId).map(currentUser.partnerships()::contains).orElse(true);
  }

  private SubjectAccessExport gather(String exportId, String reference, List<String> caseIds, String by) {
    List<PersonalRecords.Section> sections = records.of(caseIds);
    List<Map<String, Object>> caseRows = sections.get(0).rows();
    List<String> instances = caseRows.stream().map(row -> (String) row.get("processInstanceId"))
        .filter(Objects::nonNull).toList();
    return new SubjectAccessExport(exportId, reference, by, Instant.now(),
        caseRows.stream().map(row -> (String) row.get("reference")).toList(), sections,
        currentUser.asSystem(() -> comments.of(instances)), disclosures.of(caseIds), SubjectAccessExport.ABOUT);
  }
}
