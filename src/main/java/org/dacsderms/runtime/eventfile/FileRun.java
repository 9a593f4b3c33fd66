package org.dacsderms.runtime.eventfile;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one run over one staged file has done so far: counts of records read, sent and rejected, the failed segments,
 * and the permits that bound the segments in flight. Counts are exact; the lists keep only the first entries so that
 * memory does not grow with the file.
 */
final class FileRun {

    /** A segment DACS did not take, with the records it held. */
    record FailedSegment(int number, String range, long records, String reason) {}

    private final StagedFile file;
    private final int parallelism;
    private final int segmentSize;
    private final Semaphore inFlight;
    private final int maxRejections;
    private final int maxSegments;
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failedRecords = new AtomicLong();
    private final AtomicLong failedSegmentCount = new AtomicLong();
    private final List<Rejection> rejections = new ArrayList<>();
    private final List<FailedSegment> failedSegments = new ArrayList<>();
    private volatile String fileError;
    private volatile String healthError;
    private CsvSegments reader;

    FileRun(StagedFile file, int segmentSize, int parallelism, int maxRejections, int maxSegments) {
        this.file = file;
        this.segmentSize = segmentSize;
        this.parallelism = parallelism;
        this.inFlight = new Semaphore(parallelism);
        this.maxRejections = maxRejections;
        this.maxSegments = maxSegments;
    }

    StagedFile file() {
        return file;
    }

    int segmentSize() {
        return segmentSize;
    }

    /** Waits until fewer than {@code parallelism} segments of this file are in flight. */
    void acquire() throws InterruptedException {
        inFlight.acquire();
    }

    void release() {
        inFlight.release();
    }

    /** Waits until every segment handed out has come back, at most {@code timeout}; true when all did. */
    boolean awaitAll(long timeout, TimeUnit unit) throws InterruptedException {
        if (inFlight.tryAcquire(parallelism, timeout, unit)) {
            inFlight.release(parallelism);
            return true;
        }
        return false;
    }

    void read(Segment segment) {
        read.addAndGet(segment.size());
        rejected.addAndGet(segment.rejections().size());
        synchronized (rejections) {
            for (Rejection rejection : segment.rejections()) {
                if (rejections.size() < maxRejections) {
                    rejections.add(rejection);
                }
            }
        }
    }

    void sent(Segment segment) {
        sent.addAndGet(segment.items().size());
    }

    void failed(Segment segment, String reason) {
        failedSegmentCount.incrementAndGet();
        failedRecords.addAndGet(segment.items().size());
        synchronized (failedSegments) {
            if (failedSegments.size() < maxSegments) {
                failedSegments.add(new FailedSegment(
                        segment.number(), segment.range(), segment.items().size(), reason));
            }
        }
    }

    void unreadable(String error) {
        this.fileError = error;
    }

    void unhealthy(String error) {
        this.healthError = error;
    }

    void reader(CsvSegments segmentReader) {
        this.reader = segmentReader;
    }

    void closeReader() {
        if (reader != null) {
            reader.close();
        }
    }

    long read() {
        return read.get();
    }

    long sent() {
        return sent.get();
    }

    long rejected() {
        return rejected.get();
    }

    long failedRecords() {
        return failedRecords.get();
    }

    long failedSegmentCount() {
        return failedSegmentCount.get();
    }

    String fileError() {
        return fileError;
    }

    String healthError() {
        return healthError;
    }

    List<Rejection> rejections() {
        synchronized (rejections) {
            return List.copyOf(rejections);
        }
    }

    List<FailedSegment> failedSegments() {
        synchronized (failedSegments) {
            return failedSegments.stream()
                    .sorted(java.util.Comparator.comparingInt(FailedSegment::number))
                    .toList();
        }
    }

    /** Everything read was sent, nothing was refused and the file was read to its end. */
    boolean complete() {
        return healthError == null && fileError == null && read.get() > 0 && sent.get() == read.get();
    }
}
