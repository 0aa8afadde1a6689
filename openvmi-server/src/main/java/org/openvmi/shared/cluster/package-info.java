/**
 * What N instances on one database share (ADR 0064): jobs that run once across instances ({@link JobLocks}, ShedLock)
 * and in-memory caches dropped on every instance when one of them changes the data behind them ({@link
 * CacheVersions}). UI sessions live in the database through Spring Session JDBC (no code here).
 */
package org.openvmi.shared.cluster;
