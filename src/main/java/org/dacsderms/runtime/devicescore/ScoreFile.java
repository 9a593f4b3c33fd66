package org.dacsderms.runtime.devicescore;

/**
 * One device score file as a store lists it.
 *
 * @param name the file name (FTP) or the object key below the listing prefix's folder (object storage)
 * @param size bytes
 * @param version what tells two listings of the same file apart (FTP time stamp, object ETag)
 */
public record ScoreFile(String name, long size, String version) {}
