package be.segec.extranet.core.transfer.internal;

import be.segec.extranet.core.message.Message;
import be.segec.extranet.core.message.MessageCode;
import be.segec.extranet.core.store.StateStoreException;
import be.segec.extranet.core.store.file.StateFileException;
import be.segec.extranet.core.transfer.TransportException;
import be.segec.extranet.core.transfer.TransportFailure;

/**
 * The run message of a failure: why, in the reader's language (worded by the typed failure),
 * and the technical text apart as detail, never inside the sentence. Not part of the API.
 */
public final class Failures {

    /** The variant of TRANSFER_FAILED for a state file that could not be written after the extranet answered. */
    static final String STATE_NOT_SAVED = "STATE_NOT_SAVED";

    private Failures() {
    }

    /** TRANSFER_REFUSED for refused credentials, TRANSFER_FAILED otherwise, worded by the failure's kind. */
    public static Message of(TransportException e) {
        TransportFailure kind = e.failure();
        MessageCode code = kind == TransportFailure.CREDENTIALS_REFUSED ? MessageCode.TRANSFER_REFUSED : MessageCode.TRANSFER_FAILED;
        return Message.of(code, "").withVariant(kind.name()).withDetail(detail(e));
    }

    /**
     * The state could not be written during the run (what the extranet took is not recorded here
     * yet), or the store was unavailable: said by the store's problem, the file (if any) and the
     * store's text as detail.
     */
    public static Message of(StateStoreException e) {
        if (e instanceof StateFileException f) {
            return Message.of(MessageCode.TRANSFER_FAILED, "").withVariant(STATE_NOT_SAVED)
                    .withDetail(f.file() + ": " + detail(e));
        }
        return e.toMessage();
    }

    /** The extranet's answer does not match the request. */
    public static Message badAnswer(String detail) {
        return Message.of(MessageCode.TRANSFER_FAILED, "").withVariant(TransportFailure.BAD_ANSWER.name()).withDetail(detail);
    }

    /** A failure no contract announced (a transport's or a store's bug): said generally, its class and text as detail. */
    public static Message unexpected(String detail) {
        return Message.of(MessageCode.TRANSFER_FAILED, "").withVariant(TransportFailure.OTHER.name()).withDetail(detail);
    }

    /** What a failure's message says, or its kind when it says nothing. */
    static String detail(RuntimeException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
