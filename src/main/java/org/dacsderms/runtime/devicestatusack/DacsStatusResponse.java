package org.dacsderms.runtime.devicestatusack;

/**
 * The body of DACS {@code controllableDeviceStatus/response}. The {@code transactionID} is the check's communication
 * id, which is how DACS links the answer to its question.
 */
public record DacsStatusResponse(ResponseDetail responseDetail) {

    public record ResponseDetail(String transactionID, Result result) {}

    public record Result(String status) {}

    static DacsStatusResponse of(StatusCheckAck ack) {
        return new DacsStatusResponse(new ResponseDetail(ack.dacsMessageId(), new Result(ack.responseCode())));
    }
}
