package org.partnershippathways.migration;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code pathway_migration}: each migration asked for, with who asked and why. */
@Repository
class MigrationTable {

  private final JdbcClient jdbc;

  MigrationTable(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Migration(String id, String processKey, int fromVersion, int toVersion, String fromDefinitionId,
      String toDefinitionId, String stepMappings, String batchId, int casesMoving, int casesStaying, String reason,
      String requestedBy, Instant requestedAt) {
  }

  String insert(Migration migration) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("insert into pathway_migration (id, process_key, from_version, to_version, from_definition_id,"
            + " to_definition_id, step_mappings, batch_id, cases_moving, cases_staying, reason, requested_by,"
            + " requested_at) values (:id, :process, :fromVersion, :toVersion, :fromDefinition, :toDefinition,"
            + " :mappings, :batch, :moving, :staying, :reason, :by, :at)")
        .param("id", id).param("process", migration.processKey()).param("fromVersion", migration.fromVersion())
        .param("toVersion", migration.toVersion()).param("fromDefinition", migration.fromDefinitionId())
        .param("toDefinition", migration.toDefinitionId()).param("mappings", migration.stepMappings())
        .param("batch", migration.batchId()).param("moving", migration.casesMoving())
        .param("staying", migration.casesStaying()).param("reason", migration.reason())
        .param("by", migration.requestedBy()).param("at", Timestamp.from(migration.requestedAt()))
        .update();
    return id;
  }

  /** The latest migrations first. */
  List<Migration> latest(int limit) {
    return jdbc.sql("select * from pathway_migration order by requested_at desc, id fetch first " + limit + " rows only")
        .query((rs, row) -> new Migration(rs.getString("id"), rs.getString("process_key"), rs.getInt("from_version"),
            rs.getInt("to_version"), rs.getString("from_definition_id"), rs.getString("to_definition_id"),
            rs.getString("step_mappings"), rs.getString("batch_id"), rs.getInt("cases_moving"),
            rs.getInt("cases_staying"), rs.getString("reason"), rs.getString("requested_by"),
            rs.getTimestamp("requested_at").toInstant()))
        .list();
  }
}
