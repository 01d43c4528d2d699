package be.segec.extranet.testkit.reliability;

import be.segec.extranet.core.transfer.TransferRequest;
import be.segec.extranet.core.transfer.TransferResponse;
import be.segec.extranet.core.transfer.Transport;
import java.util.Objects;
import java.util.function.Function;

/** Ways to stop the engine at one step, as a power cut or a killed process would. */
final class Steps {

    private Steps() {
    }

    /** What a dying process looks like from inside: an Error nobody is supposed to catch. */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash(String step) {
            super("simulated crash: " + step);
        }
    }

    /** A transport whose {@code send} is replaced by a function (that may call the real one). */
    static final class Wrapped implements Transport {
        private final Transport delegate;
        private final Function<TransferRequest, TransferResponse> send;

        Wrapped(Transport delegate, Function<TransferRequest, TransferResponse> send) {
            this.delegate = Objects.requireNonNull(delegate, "delegate");
            this.send = Objects.requireNonNull(send, "send");
        }

        @Override
        public int maxRecordsPerRequest() {
            return delegate.maxRecordsPerRequest();
        }

        @Override
        public TransferResponse send(TransferRequest request) {
            return send.apply(request);
        }
    }
}
