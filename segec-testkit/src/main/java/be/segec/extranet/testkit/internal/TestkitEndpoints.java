package be.segec.extranet.testkit.internal;

import be.segec.extranet.testkit.Account;
import be.segec.extranet.testkit.Fault;
import be.segec.extranet.testkit.Membership;
import be.segec.extranet.testkit.OutboxMessage;
import be.segec.extranet.testkit.RecordedRequest;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code /_testkit/} endpoints for test suites in other languages (docs/testkit.md): read
 * accounts, outbox and requests, queue faults, reset. Never part of the protocol, never recorded,
 * never consume a fault.
 */
public final class TestkitEndpoints {

    /** The path prefix. */
    public static final String PREFIX = "/_testkit";

    private final Extranet extranet;
    private final FaultQueue faults;
    private final RequestLog log;

    public TestkitEndpoints(Extranet extranet, FaultQueue faults, RequestLog log) {
        this.extranet = extranet;
        this.faults = faults;
        this.log = log;
    }

    public static boolean matches(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    public Reply handle(String method, String path, byte[] body, String requestId) {
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        switch (p) {
            case PREFIX + "/accounts":
                return method.equals("GET") ? Reply.json(200, accounts()) : notAllowed("GET", requestId);
            case PREFIX + "/outbox":
                return method.equals("GET") ? Reply.json(200, outbox()) : notAllowed("GET", requestId);
            case PREFIX + "/requests":
                return method.equals("GET") ? Reply.json(200, requests()) : notAllowed("GET", requestId);
            case PREFIX + "/faults":
                if (method.equals("GET")) {
                    return Reply.json(200, pendingFaults());
                }
                return method.equals("POST") ? addFault(body, requestId) : notAllowed("GET, POST", requestId);
            case PREFIX + "/reset":
                return method.equals("POST") ? reset(body, requestId) : notAllowed("POST", requestId);
            default:
                return Problems.of(Problems.Code.NOT_FOUND, "Unknown testkit endpoint; see docs/testkit.md", requestId)
                        .withUnparseable(false);
        }
    }

    private static Reply notAllowed(String allow, String requestId) {
        return Problems.of(Problems.Code.METHOD_NOT_ALLOWED, "Allowed: " + allow, requestId).withHeader("Allow", allow);
    }

    private byte[] accounts() {
        ObjectNode root = ServerJson.mapper().createObjectNode();
        ArrayNode list = root.putArray("accounts");
        for (Account a : extranet.accounts()) {
            ObjectNode n = list.addObject();
            n.put("id", a.id());
            n.put("lastName", a.lastName());
            n.put("firstName", a.firstName());
            n.put("birthDate", a.birthDate().toString());
            n.put("email", a.email());
            ArrayNode ms = n.putArray("memberships");
            for (Membership m : a.memberships()) {
                ObjectNode mn = ms.addObject();
                mn.put("school", m.school().fase());
                mn.put("schoolYear", m.schoolYear().toString());
                mn.put("role", m.role().name());
                mn.put("active", m.active());
            }
            ArrayNode as = n.putArray("aliases");
            for (Account.Alias alias : a.aliases()) {
                ObjectNode an = as.addObject();
                an.put("lastName", alias.lastName());
                an.put("firstName", alias.firstName());
                an.put("birthDate", alias.birthDate().toString());
            }
        }
        return ServerJson.mapper().writeValueAsBytes(root);
    }

    private byte[] outbox() {
        ObjectNode root = ServerJson.mapper().createObjectNode();
        ArrayNode list = root.putArray("messages");
        for (OutboxMessage m : extranet.outbox()) {
            ObjectNode n = list.addObject();
            n.put("to", m.to());
            n.put("kind", m.kind().name());
            n.put("accountId", m.accountId());
        }
        return ServerJson.mapper().writeValueAsBytes(root);
    }

    private byte[] requests() {
        ObjectNode root = ServerJson.mapper().createObjectNode();
        ArrayNode list = root.putArray("requests");
        for (RecordedRequest r : log.all()) {
            ObjectNode n = list.addObject();
            n.put("method", r.method());
            n.put("path", r.path());
            n.put("transferId", r.transferId().orElse(null));
            n.put("records", r.records());
            if (r.status().isPresent()) {
                n.put("status", r.status().getAsInt());
            } else {
                n.putNull("status");
            }
            n.put("requestId", r.requestId());
            n.put("fault", r.fault().map(TestkitEndpoints::typeOf).orElse(null));
        }
        return ServerJson.mapper().writeValueAsBytes(root);
    }

    private byte[] pendingFaults() {
        ObjectNode root = ServerJson.mapper().createObjectNode();
        ArrayNode list = root.putArray("faults");
        for (FaultQueue.Pending p : faults.pending()) {
            ObjectNode n = list.addObject();
            n.put("type", typeOf(p.fault()));
            if (p.fault() instanceof Fault.Status) {
                Fault.Status s = (Fault.Status) p.fault();
                n.put("status", s.status());
                s.retryAfter().ifPresent(d -> n.put("retryAfterSeconds", d.toSeconds()));
            } else if (p.fault() instanceof Fault.Delay) {
                n.put("millis", ((Fault.Delay) p.fault()).duration().toMillis());
            }
            n.put("times", p.remaining());
        }
        return ServerJson.mapper().writeValueAsBytes(root);
    }

    static String typeOf(Fault f) {
        if (f instanceof Fault.Status) {
            return "STATUS";
        }
        if (f instanceof Fault.Delay) {
            return "DELAY";
        }
        if (f instanceof Fault.DropBeforeProcessing) {
            return "DROP_BEFORE_PROCESSING";
        }
        return "DROP_AFTER_PROCESSING";
    }

    private Reply addFault(byte[] body, String requestId) {
        JsonNode root;
        try {
            root = ServerJson.mapper().readTree(body);
        } catch (JacksonException e) {
            return bad("The body is not valid JSON", requestId);
        }
        if (root == null || !root.isObject()) {
            return bad("A JSON object such as {\"type\":\"STATUS\",\"status\":503,\"times\":2} is required", requestId);
        }
        Fault fault;
        try {
            int times = intOf(root, "times").orElse(1);
            String type = root.get("type") != null && root.get("type").isString() ? root.get("type").stringValue() : "";
            switch (type) {
                case "STATUS":
                    int status = intOf(root, "status").orElseThrow(() -> new IllegalArgumentException("status is required"));
                    Optional<Integer> after = intOf(root, "retryAfterSeconds");
                    fault = new Fault.Status(status, after.map(s -> Duration.ofSeconds(s)));
                    break;
                case "DELAY":
                    int millis = intOf(root, "millis").orElseThrow(() -> new IllegalArgumentException("millis is required"));
                    fault = new Fault.Delay(Duration.ofMillis(millis));
                    break;
                case "DROP_BEFORE_PROCESSING":
                    fault = new Fault.DropBeforeProcessing();
                    break;
                case "DROP_AFTER_PROCESSING":
                    fault = new Fault.DropAfterProcessing();
                    break;
                default:
                    return bad("type is STATUS, DELAY, DROP_BEFORE_PROCESSING or DROP_AFTER_PROCESSING", requestId);
            }
            faults.add(fault, times);
        } catch (IllegalArgumentException e) {
            return bad(e.getMessage(), requestId);
        }
        return Reply.json(200, pendingFaults());
    }

    private Reply reset(byte[] body, String requestId) {
        boolean data = false;
        if (body.length > 0) {
            JsonNode root;
            try {
                root = ServerJson.mapper().readTree(body);
            } catch (JacksonException e) {
                return bad("The body is not valid JSON", requestId);
            }
            if (root != null && root.isObject() && root.get("data") != null) {
                if (!root.get("data").isBoolean()) {
                    return bad("data is true or false", requestId);
                }
                data = root.get("data").booleanValue();
            }
        }
        faults.clear();
        if (data) {
            extranet.clear();
            log.clear();
        }
        ObjectNode out = ServerJson.mapper().createObjectNode();
        out.put("faults", true);
        out.put("data", data);
        return Reply.json(200, ServerJson.mapper().writeValueAsBytes(out));
    }

    private static Optional<Integer> intOf(JsonNode root, String name) {
        JsonNode v = root.get(name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException(name + " must be an integer");
        }
        return Optional.of(v.intValue());
    }

    private static Reply bad(String detail, String requestId) {
        return Problems.of(Problems.Code.MALFORMED_REQUEST, detail, requestId).withUnparseable(false);
    }
}
