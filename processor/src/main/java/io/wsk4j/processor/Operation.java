package io.wsk4j.processor;

import static io.wsk4j.processor.Signature.parameter;
import static io.wsk4j.processor.StartMethod.address;
import static io.wsk4j.processor.StartMethod.basicSocket;
import static io.wsk4j.processor.StartMethod.buffer;
import static io.wsk4j.processor.StartMethod.datagramSocket;
import static io.wsk4j.processor.StartMethod.option;
import static io.wsk4j.processor.StartMethod.provider;
import static io.wsk4j.processor.StartMethod.socket;
import static io.wsk4j.processor.StartMethod.start;

import io.wsk4j.processor.HandlerModel.Shape;
import io.wsk4j.processor.Signature.Returns;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The table of what each handler annotation means (SPEC P1, P3–P5), in the order generated members appear: the
 * shapes a handler may have and the start methods its dispatch class gets. Everything the validator, the planner and
 * the writer know about a single operation is here.
 */
enum Operation {
    CONNECT("OnConnectComplete", Role.COMPLETION, List.of(
            status(Shape.STATUS_SOCKET, parameter(TypeNames.WSK_SOCKET, "socket")), faithful()), List.of(
            start("connect", "Creates a socket and connects it to {@code remoteAddress} (WskSocketConnect).",
                    "provider.socketConnect(remoteAddress, context, $events:L, irp)",
                    "pool.socketConnect(provider, remoteAddress, $eventSet:Lhandlers, $handler:L, context)",
                    provider(), address("remoteAddress", "where to connect")).withDeadline())),
    SEND("OnSendComplete", Role.COMPLETION, List.of(
            status(Shape.STATUS), status(Shape.STATUS_BYTES, parameter("long", "bytes")), faithful()), List.of(
            start("send", "Sends {@code buffer} behind earlier sends (WskSend, SPEC X1).",
                    "socket.dispatch().send(socket, buffer, $sendFlags:T.NONE, irp)",
                    "pool.send(socket, buffer, $sendFlags:T.NONE, handlers, $handler:L, context)",
                    socket(), buffer("buffer", "the bytes to send")).withDeadline())),
    RECEIVE("OnReceiveComplete", Role.COMPLETION, List.of(
            status(Shape.STATUS), status(Shape.STATUS_BYTES, parameter("long", "bytes")), faithful()), List.of(
            start("receive", "Receives into {@code buffer} (WskReceive, SPEC X2).",
                    "socket.dispatch().receive(socket, buffer, $receiveFlags:T.NONE, irp)",
                    "pool.receive(socket, buffer, $receiveFlags:T.NONE, handlers, $handler:L, context)",
                    socket(), buffer("buffer", "where the bytes go")).withDeadline())),
    DISCONNECT("OnDisconnectComplete", Role.COMPLETION, List.of(status(Shape.STATUS),
            status(Shape.STATUS_MODE, parameter(TypeNames.DISCONNECT_MODE, "mode")), faithful()), List.of(
            start("disconnect", "Disconnects gracefully: every queued send, then FIN (WskDisconnect, SPEC D3).",
                    "socket.dispatch().disconnect(socket, null, $disconnectMode:T.GRACEFUL, irp)",
                    "pool.disconnect(socket, null, $disconnectMode:T.GRACEFUL, handlers, $handler:L, context)",
                    socket()).withDeadline(),
            start("disconnect", "Disconnects gracefully: every queued send, then {@code finalData}, then FIN"
                            + " (WskDisconnect, SPEC D3).",
                    "socket.dispatch().disconnect(socket, finalData, $disconnectMode:T.GRACEFUL, irp)",
                    "pool.disconnect(socket, finalData, $disconnectMode:T.GRACEFUL, handlers, $handler:L,"
                            + " context)",
                    socket(), buffer("finalData", "the last bytes to send before FIN")).withDeadline(),
            start("abort", "Disconnects abortively: queued data is dropped and the peer gets RST (WskDisconnect"
                            + " with WSK_FLAG_ABORTIVE, SPEC D7).",
                    "socket.dispatch().disconnect(socket, null, $disconnectMode:T.ABORTIVE, irp)",
                    "pool.disconnect(socket, null, $disconnectMode:T.ABORTIVE, handlers, $handler:L, context)",
                    socket()))),
    CLOSE("OnCloseComplete", Role.COMPLETION, List.of(status(Shape.STATUS), faithful()), List.of(
            start("close", "Closes the socket (WskCloseSocket, SPEC C1-C3); abortive unless both directions are"
                            + " already disconnected.",
                    "socket.dispatch().closeSocket(socket, irp)",
                    "pool.closeSocket(socket, handlers, $handler:L, context)",
                    new StartMethod.Parameter(RuntimeTypes.WSK_BASIC_SOCKET, "socket",
                            "the socket to close, of any kind")))),
    /** Both start methods complete into the one handler (SPEC P5 choice). */
    ADDRESS("OnAddressComplete", Role.COMPLETION, List.of(
            status(Shape.STATUS_ADDRESS, parameter(TypeNames.SOCKET_ADDRESS, "address")), faithful()), List.of(
            start("localAddress", "Asks for the address {@code socket} is bound to (WskGetLocalAddress).",
                    "socket.dispatch().getLocalAddress(socket, irp)",
                    "pool.localAddress(socket, handlers, $handler:L, context)",
                    socket()),
            start("localAddress", "Asks for the address {@code socket} listens on (WskGetLocalAddress): the port of"
                            + " a listener bound to port 0, say.",
                    "socket.dispatch().getLocalAddress(socket, irp)",
                    "pool.localAddress(socket, handlers, $handler:L, context)",
                    new StartMethod.Parameter(RuntimeTypes.WSK_LISTEN_SOCKET, "socket", "a listening socket")),
            start("remoteAddress", "Asks for the address of {@code socket}'s peer (WskGetRemoteAddress).",
                    "socket.dispatch().getRemoteAddress(socket, irp)",
                    "pool.remoteAddress(socket, handlers, $handler:L, context)",
                    socket()))),
    /** Its start method needs the class's accept handler of the same context type: the validator checks that. */
    LISTEN("OnListenComplete", Role.COMPLETION, List.of(new Signature(Shape.STATUS_SOCKET, Returns.VOID,
            List.of(parameter(TypeNames.NT_STATUS, "status"), parameter(TypeNames.WSK_LISTEN_SOCKET, "listener")),
            "L context", "The generated glue owns the IRP and returns MORE_PROCESSING_REQUIRED itself.")), List.of(
            start("listen", "Creates a listening socket on {@code localAddress} (WskSocket with"
                            + " WSK_FLAG_LISTEN_SOCKET).",
                    "provider.socketListen(localAddress, context, $listenDispatch:N, irp)",
                    "pool.socketListen(provider, localAddress, $listenDispatch:N, handlers, $handler:L, context)",
                    provider(), address("localAddress", "where to listen; port 0 for an ephemeral port")))),
    /** Like connect, it enables the events of its context's event handlers on the new socket. */
    ACCEPT("OnAcceptComplete", Role.COMPLETION, List.of(
            status(Shape.STATUS_SOCKET, parameter(TypeNames.WSK_SOCKET, "accepted")), faithful()), List.of(
            start("accept", "Accepts the next connection of {@code socket} (WskAccept, SPEC K5); it comes before the"
                            + " listening socket's accept event.",
                    "socket.dispatch().accept(socket, context, $events:L, irp)",
                    "pool.accept(socket, $eventSet:Lhandlers, $handler:L, context)",
                    new StartMethod.Parameter(RuntimeTypes.WSK_LISTEN_SOCKET, "socket", "a bound listening socket"))
                    .withDeadline())),
    SEND_TO("OnSendToComplete", Role.COMPLETION, List.of(
            status(Shape.STATUS), status(Shape.STATUS_BYTES, parameter("long", "bytes")), faithful()), List.of(
            start("sendTo", "Sends {@code buffer} as one datagram to {@code remoteAddress}, behind earlier sends"
                            + " (WskSendTo, SPEC G1).",
                    "socket.dispatch().sendTo(socket, buffer, remoteAddress, irp)",
                    "pool.sendTo(socket, buffer, remoteAddress, handlers, $handler:L, context)",
                    datagramSocket(), buffer("buffer", "the datagram"), address("remoteAddress",
                            "the destination, or null for the one {@code SIO_WSK_SET_REMOTE_ADDRESS} set")).withDeadline())),
    /** BUFFER_OVERFLOW is a status the handler sees, with the bytes that fit (SPEC G2): never silent truncation. */
    RECEIVE_FROM("OnReceiveFromComplete", Role.COMPLETION, List.of(status(Shape.STATUS_BYTES_SOURCE,
            parameter("long", "bytes"), parameter(TypeNames.SOCKET_ADDRESS, "source")), faithful()), List.of(
            start("receiveFrom", "Receives one datagram into {@code buffer} (WskReceiveFrom, SPEC G2); a longer one"
                            + " completes BUFFER_OVERFLOW with the bytes that fit.",
                    "socket.dispatch().receiveFrom(socket, buffer, irp)",
                    "pool.receiveFrom(socket, buffer, handlers, $handler:L, context)",
                    datagramSocket(), buffer("buffer", "where the datagram goes")).withDeadline())),
    ADDRESS_INFO("OnAddressInfoComplete", Role.COMPLETION, List.of(status(Shape.STATUS_ADDRESSES,
            parameter(TypeNames.INET_SOCKET_ADDRESS_LIST, "addresses")), faithful()), List.of(
            start("addressInfo", "Resolves {@code node} (WskGetAddressInfo, SPEC N1) off the I/O threads; an unknown"
                            + " name completes NOT_FOUND.",
                    "provider.getAddressInfo(node, service, irp)",
                    "pool.addressInfo(provider, node, service, handlers, $handler:L, context)",
                    new StartMethod.Parameter(RuntimeTypes.WSK_PROVIDER, "provider", "the provider that resolves"),
                    new StartMethod.Parameter(RuntimeTypes.STRING, "node",
                            "the name to resolve, or an address literal"),
                    new StartMethod.Parameter(RuntimeTypes.STRING, "service",
                            "a decimal port number each address gets, or null for port 0")).withDeadline())),
    /**
     * Both start methods complete into the one handler, which is generic in the option's value type so that the value
     * reaches it typed with no cast (SPEC P3 choice).
     */
    OPTION("OnOptionComplete", Role.COMPLETION, List.of(new Signature(Shape.STATUS_OPTION, Returns.VOID,
            List.of(parameter(TypeNames.NT_STATUS, "status"),
                    parameter(TypeNames.WSK_OPTION + "<" + Signature.VALUE + ">", "option"),
                    parameter(Signature.VALUE, "value")), "C context",
            "In this shape the generated glue owns the IRP and returns MORE_PROCESSING_REQUIRED itself; to own the"
                    + " IRP, take (Irp irp, C context) and return NtStatus."), faithful()), List.of(
            start("setOption", "Sets {@code option} to {@code value} (WskControlSocket with WskSetOption or WskIoctl,"
                            + " SPEC K3, K4).",
                    "socket.dispatch().controlSocket(socket, option, value, irp)",
                    "pool.setOption(socket, option, value, handlers, $handler:L, context)",
                    basicSocket(), option(), new StartMethod.Parameter(StartMethod.VALUE, "value",
                            "its new value")),
            start("getOption", "Reads {@code option} (WskControlSocket with WskGetOption, SPEC K3).",
                    "socket.dispatch().controlSocket(socket, option, irp)",
                    "pool.getOption(socket, option, handlers, $handler:L, context)",
                    basicSocket(), option()))),
    RECEIVE_EVENT("OnReceiveEvent", Role.CONNECTION_EVENT, List.of(new Signature(Shape.EVENT, Returns.LONG,
            List.of(parameter(TypeNames.WSK_BUF, "data")), "C context",
            "Return how many bytes of the data the handler took.")), List.of(), "RECEIVE", "onReceive"),
    DISCONNECT_EVENT("OnDisconnectEvent", Role.CONNECTION_EVENT, List.of(new Signature(Shape.EVENT, Returns.VOID,
            List.of(parameter(TypeNames.DISCONNECT_MODE, "how")), "C context",
            "WSK requires the disconnect event to succeed, so there is nothing to return.")), List.of(), "DISCONNECT",
            "onDisconnect"),
    ACCEPT_EVENT("OnAcceptEvent", Role.ACCEPT_EVENT, List.of(new Signature(Shape.EVENT, Returns.REFERENCE,
            List.of(parameter(TypeNames.WSK_SOCKET, "accepted"), parameter(TypeNames.SOCKET_ADDRESS, "remote")),
            "L listenContext", "Return the accepted socket's context, or null to reject the connection.")), List.of(
            new StartMethod("listen", List.of(provider(),
                    address("localAddress", "where to listen; port 0 for an ephemeral port"),
                    new StartMethod.Parameter(RuntimeTypes.IRP, "irp",
                            "the caller's IRP, its completion routine already set")),
                    "Creates a listening socket on {@code localAddress} (WskSocket with WSK_FLAG_LISTEN_SOCKET),"
                            + " completing the caller's {@code irp}, whose routine finds the listening socket in"
                            + " {@link Irp#listenSocket()}.",
                    "provider.socketListen(localAddress, context, $listenDispatch:N, irp)", null,
                    "Connections go to", false))),
    /** Its start method makes the datagram socket with the class's datagram dispatch for the context type. */
    RECEIVE_FROM_EVENT("OnReceiveFromEvent", Role.DATAGRAM_EVENT, List.of(new Signature(Shape.EVENT, Returns.VOID,
            List.of(parameter(TypeNames.WSK_BUF, "datagram"), parameter(TypeNames.SOCKET_ADDRESS, "source")),
            "C context", "WSK's receive-from event returns nothing: every datagram it gets is taken.")), List.of(
            new StartMethod("datagramSocket", List.of(provider(),
                    new StartMethod.Parameter(RuntimeTypes.IRP, "irp",
                            "the caller's IRP, its completion routine already set")),
                    "Creates a datagram socket (WskSocket with WSK_FLAG_DATAGRAM_SOCKET) whose receive-from event is"
                            + " this class's for {@code context}, completing the caller's {@code irp}, whose routine"
                            + " finds the socket in {@link Irp#datagramSocket()}; bind it, then enable the event"
                            + " (SPEC G3, E1).",
                    "provider.datagramSocket(context, $events:L, irp)", null,
                    "Datagrams that no receiveFrom waits for go to", false)), "RECEIVE_FROM", "onReceiveFrom");

    /** What kind of member a handler of the operation becomes. */
    enum Role {
        /** A completion routine, with start methods. */
        COMPLETION,
        /** A callback of the client dispatch of its context type (SPEC P4). */
        CONNECTION_EVENT,
        /** The listen dispatch of its listen context type, with a listen start method. */
        ACCEPT_EVENT,
        /** The callback of the datagram dispatch of its context type, with a start method that makes the socket. */
        DATAGRAM_EVENT
    }

    private static final String PACKAGE = "io.wsk4j.annotations";

    // Names only, never the annotation classes: a processor path without the annotations jar still works, and
    // AnnotationsTest checks that these names match the real annotations.
    private final String annotationName;
    private final String simpleName;
    private final Role role;
    private final List<Signature> signatures;
    private final List<StartMethod> startMethods;
    private final String event;
    private final String callback;

    Operation(String simpleName, Role role, List<Signature> signatures, List<StartMethod> startMethods) {
        this(simpleName, role, signatures, startMethods, null, null);
    }

    Operation(String simpleName, Role role, List<Signature> signatures, List<StartMethod> startMethods,
            String event, String callback) {
        this.annotationName = PACKAGE + "." + simpleName;
        this.simpleName = simpleName;
        this.role = role;
        this.signatures = signatures;
        this.startMethods = startMethods;
        this.event = event;
        this.callback = callback;
    }

    String annotationName() {
        return annotationName;
    }

    String simpleName() {
        return simpleName;
    }

    Role role() {
        return role;
    }

    List<StartMethod> startMethods() {
        return startMethods;
    }

    /** The verb member names start with: {@code send} for the send routine {@code sendRoutine}, {@code address}. */
    String verb() {
        // one routine for local and remote, one for set and get
        return this == ADDRESS ? "address" : this == OPTION ? "option" : startMethods.get(0).name();
    }

    /** An event's {@code WskEvent} constant ({@code RECEIVE}); null for other operations. */
    String event() {
        return event;
    }

    /** An event's method of its client dispatch ({@code onReceive}, {@code onReceiveFrom}); else null. */
    String callback() {
        return callback;
    }

    /** The only signature of an event handler, which its callback mirrors. */
    Signature eventSignature() {
        return signatures.get(0);
    }

    /**
     * The signature whose parameters {@code parameterTypes} are, given the method's own type variables (which only a
     * generic signature uses), or null.
     */
    Signature signatureFor(List<? extends javax.lang.model.type.TypeMirror> parameterTypes,
            List<? extends javax.lang.model.element.TypeParameterElement> typeParameters) {
        for (Signature signature : signatures) {
            if (signature.matches(parameterTypes, typeParameters)) {
                return signature;
            }
        }
        return null;
    }

    /** {@code void m(NtStatus status, C context) or NtStatus m(Irp irp, C context)}, for method {@code m}. */
    String expectedShapes(String method) {
        List<String> shapes = signatures.stream().map(signature -> signature.describe(method))
                .collect(Collectors.toList());
        if (shapes.size() == 1) {
            return shapes.get(0);
        }
        return String.join(", ", shapes.subList(0, shapes.size() - 1)) + " or " + shapes.get(shapes.size() - 1);
    }

    /** The sentence after {@link #expectedShapes}: what to change the parameters to. */
    String shapesAdvice() {
        return signatures.size() == 1
                ? "Change the parameters to match it."
                : "Change the parameters to one of these shapes.";
    }

    /** The operation whose annotation has this qualified name, or null. */
    static Operation forAnnotation(String qualifiedName) {
        for (Operation operation : values()) {
            if (operation.annotationName.equals(qualifiedName)) {
                return operation;
            }
        }
        return null;
    }

    private static Signature status(Shape shape, Signature.Parameter... more) {
        List<Signature.Parameter> parameters = new java.util.ArrayList<>();
        parameters.add(parameter(TypeNames.NT_STATUS, "status"));
        parameters.addAll(List.of(more));
        return new Signature(shape, Returns.VOID, List.copyOf(parameters), "C context",
                "In this shape the generated glue owns the IRP and returns MORE_PROCESSING_REQUIRED itself; to own"
                        + " the IRP, take (Irp irp, C context) and return NtStatus.");
    }

    private static Signature faithful() {
        return new Signature(Shape.FAITHFUL, Returns.NT_STATUS, List.of(parameter(TypeNames.IRP, "irp")),
                "C context", "A faithful handler owns the IRP: free or reuse it, then return"
                        + " NtStatus.MORE_PROCESSING_REQUIRED (SPEC I4).");
    }
}
