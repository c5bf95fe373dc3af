package io.wsk4j.engine;

import io.wsk4j.CompletionRoutine;
import io.wsk4j.DisconnectMode;
import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.ReceiveFlags;
import io.wsk4j.SendFlags;
import io.wsk4j.WskEvent;
import io.wsk4j.WskBasicSocket;
import io.wsk4j.WskDatagramSocket;
import io.wsk4j.WskListenSocket;
import io.wsk4j.WskOption;
import io.wsk4j.WskSocket;
import io.wsk4j.verify.IrpTrace;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * The IRP: its IoStatus block, its completion routine, the operation it carries and the state machine that makes
 * completion exactly-once (SPEC I1–I7).
 *
 * <pre>
 *   READY --dispatch--> (BEGINNING) PENDING --claim--> ACTIVE --complete--> COMPLETING --> COMPLETED --reuse--> READY
 *                          |  ^-- unclaim --'                                      |
 *                          '--cancel--> CANCELLING --complete(CANCELLED)--^        '--free--> FREED
 * </pre>
 *
 * <p>Every transition out of PENDING is one compare-and-set, so a cancel racing the loop is decided without a lock:
 * the loop claims an IRP (PENDING to ACTIVE) before it moves bytes for it, and a claimed IRP can no longer be
 * cancelled. Only the loop completes an IRP that reached it; a cancel only marks it and asks the loop to sweep.
 */
final class IrpCore extends LoopTask implements Irp {
    private static final int READY = 0;
    private static final int PENDING = 1;
    private static final int ACTIVE = 2;
    private static final int CANCELLING = 3;
    private static final int COMPLETING = 4;
    private static final int COMPLETED = 5;
    private static final int FREED = 6;
    /** Between the CAS that takes a READY IRP for a dispatch call and the write that publishes it as PENDING. */
    private static final int BEGINNING = 7;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(IrpCore.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through STATE
    private volatile int state = READY;

    // IoStatus block, written by the completer before the state becomes COMPLETED
    private NtStatus status = NtStatus.SUCCESS;
    private long information;
    private WskBasicSocket resultSocket;
    private SocketAddress resultAddress;
    private WskOption<?> resultOption;
    private Object resultValue;
    private List<InetSocketAddress> resultAddresses = List.of();
    private boolean pendingReturned;

    // The routine and its context are stored erased; they are only ever set together by the typed
    // setCompletionRoutine, so calling one with the other is type-correct.
    private CompletionRoutine<Object> routine;
    private Object context;
    private boolean invokeOnSuccess;
    private boolean invokeOnError;
    private boolean invokeOnCancel;

    // The operation in flight: written by the dispatching thread before the IRP is handed to the loop.
    Operation operation;
    EngineSocket target;
    BufferChain buffer;
    SendFlags sendFlags;
    ReceiveFlags receiveFlags;
    DisconnectMode mode;
    SocketAddress endpoint;
    WskEvent event;
    boolean enable;
    /** SET_OPTION, GET_OPTION: the option, and the value a set asks for (SPEC K3). */
    WskOption<?> option;
    Object optionArgument;
    /** ACCEPT: the accepted socket's context and client dispatch (SPEC K5). */
    Object acceptContext;
    io.wsk4j.WskClientConnectionDispatch<?> acceptDispatch;
    /** The provider of a socket request that completes without a socket (making one failed); else null. */
    EngineProvider socketless;
    /** The next IRP in the socket's send or receive queue ({@link IrpQueue}); loop-owned. */
    IrpCore nextQueued;
    /** Bytes moved so far (loop-owned while the IRP is queued). */
    long transferred;
    /** Counted as pending by the stats (see {@link ProviderStats#tookUp}). */
    boolean countedPending;
    /** The Flight Recorder event of this operation, or null: no recording wants it (kept by {@link FlightEvents}). */
    Object flightEvent;
    /** The verifier's record of this IRP; null when no verifier watches it (SPEC V; kept by VerifyingObserver). */
    IrpTrace trace;

    // SPEC N2: the deadline of the next operation. cancelAfterNanos is the application's (0: none), cleared by reuse;
    // deadlineAt is stamped by the dispatch call in the loop's clock; deadlineIndex is the IRP's place in its loop's
    // IrpDeadlines (-1: not armed), loop-owned, and deadlineLoop that loop.
    private long cancelAfterNanos;
    long deadlineAt;
    int deadlineIndex = -1;
    EventLoop deadlineLoop;
    /** The name request this IRP carries (SPEC N1), which a cancel completes; null for every other operation. */
    NameRequest naming;

    /** Use {@link Irp#allocate()}. */
    IrpCore() {}

    static IrpCore of(Irp irp) {
        if (irp == null) {
            throw new NullPointerException("irp is null: allocate one with Irp.allocate() or take one from an IrpPool");
        }
        if (!(irp instanceof IrpCore)) {
            throw new IllegalArgumentException(
                    "This IRP was not made by Irp.allocate(): " + irp.getClass().getName()
                            + " cannot carry a WSK operation; use Irp.allocate() or an IrpPool");
        }
        return (IrpCore) irp;
    }

    // ---- the application's side -------------------------------------------------------------------------------

    @Override
    @SuppressWarnings("unchecked")
    public <C> void setCompletionRoutine(
            CompletionRoutine<C> routine,
            C context,
            boolean invokeOnSuccess,
            boolean invokeOnError,
            boolean invokeOnCancel) {
        if (routine == null) {
            throw new NullPointerException("routine is null: pass the CompletionRoutine to call when the IRP completes");
        }
        int s = state;
        if (s != READY) {
            throw new IllegalStateException(s == COMPLETED
                    ? "This IRP has completed: call reuse(status) before setting a new completion routine (SPEC I5)"
                    : misuse(s, "setCompletionRoutine"));
        }
        this.routine = (CompletionRoutine<Object>) routine;
        this.context = context;
        this.invokeOnSuccess = invokeOnSuccess;
        this.invokeOnError = invokeOnError;
        this.invokeOnCancel = invokeOnCancel;
    }

    @Override
    public NtStatus status() {
        checkReadable("status()");
        return status;
    }

    @Override
    public long information() {
        checkReadable("information()");
        return information;
    }

    @Override
    public WskSocket socket() {
        checkReadable("socket()");
        return resultSocket == null ? null : resultOfKind(WskSocket.class, "socket()");
    }

    @Override
    public WskListenSocket listenSocket() {
        checkReadable("listenSocket()");
        return resultSocket == null ? null : resultOfKind(WskListenSocket.class, "listenSocket()");
    }

    @Override
    public WskDatagramSocket datagramSocket() {
        checkReadable("datagramSocket()");
        return resultSocket == null ? null : resultOfKind(WskDatagramSocket.class, "datagramSocket()");
    }

    /** SPEC K2: the accessor of another kind than the request made names the right one. */
    private <S extends WskBasicSocket> S resultOfKind(Class<S> kind, String accessor) {
        if (kind.isInstance(resultSocket)) {
            return kind.cast(resultSocket);
        }
        String right = resultSocket instanceof WskListenSocket ? "listenSocket()"
                : resultSocket instanceof WskDatagramSocket ? "datagramSocket()" : "socket()";
        throw new IllegalStateException("This IRP's " + operation.wskName + " made a " + ((EngineSocket) resultSocket)
                .kind() + ", not what Irp." + accessor + " returns: call Irp." + right + " instead");
    }

    @Override
    public <T> T optionValue(WskOption<T> option) {
        checkReadable("optionValue()");
        if (resultOption == null) {
            return null;
        }
        if (resultOption != option) {
            throw new IllegalStateException("This IRP read " + resultOption + ", not " + option
                    + ": call optionValue(WskOption." + resultOption + ")");
        }
        return option.valueType().cast(resultValue);
    }

    @Override
    public List<InetSocketAddress> addresses() {
        checkReadable("addresses()");
        return resultAddresses;
    }

    /** The longest deadline kept (about 73 years): longer ones never expire, and the loop's clock cannot overflow. */
    private static final long LONGEST_DEADLINE_NANOS = Long.MAX_VALUE / 4;

    @Override
    public void cancelAfter(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("cancelAfter(" + timeout + "): the time-out must be positive, such as"
                    + " Duration.ofSeconds(5); to cancel at once, call cancel() after the dispatch call (SPEC N2)");
        }
        int s = state;
        if (s != READY) {
            throw new IllegalStateException(s == COMPLETED
                    ? "This IRP has completed: call reuse(status) before setting the deadline of its next operation"
                            + " (SPEC N2, I5)"
                    : misuse(s, "cancelAfter, which bounds the next dispatch call and must precede it (SPEC N2)"));
        }
        long nanos;
        try {
            nanos = timeout.toNanos();
        } catch (ArithmeticException beyondLong) {
            nanos = LONGEST_DEADLINE_NANOS;
        }
        cancelAfterNanos = Math.min(nanos, LONGEST_DEADLINE_NANOS);
    }

    /** {@return whether the application set a deadline for this IRP's operation (SPEC N2)} */
    boolean hasDeadline() {
        return cancelAfterNanos != 0;
    }

    /** Stamps the deadline in {@code loop}'s clock; the loop arms it when it takes the IRP up. Dispatching thread. */
    void stampDeadline(EventLoop loop) {
        deadlineAt = loop.nanoTime() + cancelAfterNanos;
        deadlineLoop = loop;
    }

    /** Completion: the deadline leaves its loop's heap, so that it can never cancel a later operation of this IRP. */
    private void disarmDeadline() {
        EventLoop loop = deadlineLoop;
        if (loop != null && loop.inLoop()) {
            loop.deadlines.disarm(this);
        }
        // else the loop broke and dropped its heap first (EventLoop.breakDown): nothing is armed
    }

    @Override
    public SocketAddress address() {
        checkReadable("address()");
        return resultAddress;
    }

    @Override
    public boolean pendingReturned() {
        checkReadable("pendingReturned()");
        return pendingReturned;
    }

    @Override
    public boolean cancel() {
        if (!STATE.compareAndSet(this, PENDING, CANCELLING)) {
            return false;
        }
        // read after the CAS, so that it is this dispatch's socket: null if the loop completed the IRP meanwhile (then
        // no sweep is needed), at worst the socket of a later dispatch, whose sweep finds nothing to do
        EngineSocket socket = target;
        if (socket != null) {
            socket.requestSweep();
        } else {
            NameRequest name = naming; // SPEC N1: only this cancel completes a cancelled name request
            if (name != null) {
                name.cancelled();
            }
        }
        return true;
    }

    @Override
    public void reuse(NtStatus newStatus) {
        if (newStatus == null) {
            throw new NullPointerException("status is null: pass the status the reused IRP starts with, e.g. SUCCESS");
        }
        int s = state;
        if ((s != READY && s != COMPLETED) || !STATE.compareAndSet(this, s, READY)) {
            throw new IllegalStateException(misuse(state, "reuse"));
        }
        status = newStatus;
        clear();
    }

    @Override
    public void free() {
        int s = state;
        if ((s != READY && s != COMPLETED) || !STATE.compareAndSet(this, s, FREED)) {
            throw new IllegalStateException(misuse(state, "free"));
        }
        clear();
        if (trace != null) {
            trace.freed(); // SPEC V1: not a leak
        }
    }

    private void clear() {
        information = 0;
        resultSocket = null;
        resultAddress = null;
        resultOption = null;
        resultValue = null;
        resultAddresses = List.of();
        pendingReturned = false;
        routine = null;
        context = null;
        invokeOnSuccess = invokeOnError = invokeOnCancel = false;
        operation = null;
        target = null;
        buffer = null;
        sendFlags = null;
        receiveFlags = null;
        mode = null;
        endpoint = null;
        event = null;
        enable = false;
        transferred = 0;
        option = null;
        optionArgument = null;
        acceptContext = null;
        acceptDispatch = null;
        cancelAfterNanos = 0;
        deadlineLoop = null;
        naming = null;
    }

    private void checkReadable(String what) {
        int s = state;
        if (s != READY && s != COMPLETED) {
            throw new IllegalStateException(misuse(s, what));
        }
    }

    private String misuse(int s, String what) {
        switch (s) {
            case FREED:
                return "This IRP was freed: " + what + " needs a live IRP; allocate a new one (SPEC I5)";
            case READY:
            case COMPLETED:
                return "This IRP cannot " + what + " now";
            default:
                Operation op = operation;
                return "This IRP belongs to the provider until its " + (op == null ? "operation" : op.wskName)
                        + " completes (SPEC I3): call " + what
                        + " from the completion routine, or cancel() the IRP";
        }
    }

    // ---- the provider's side ----------------------------------------------------------------------------------

    /**
     * Makes the IRP the provider's for {@code op} (SPEC B1: checked before anything is queued).
     *
     * @throws IllegalStateException if the IRP is pending, completed and not reused, freed, or has no routine
     */
    void begin(Operation op, EngineSocket socket) {
        begin(op, socket, null);
    }

    /** {@link #begin(Operation, EngineSocket)} for a name request (SPEC N1), which a cancel must find at once. */
    void begin(Operation op, EngineSocket socket, NameRequest name) {
        checkStartable(op);
        // take the IRP first, then fill it in: a second dispatch call racing with the same IRP fails here instead of
        // overwriting the fields of the call that won
        if (!STATE.compareAndSet(this, READY, BEGINNING)) {
            throw new IllegalStateException(
                    "This IRP was passed to two dispatch calls at once: one IRP carries one operation at a time");
        }
        operation = op;
        target = socket;
        transferred = 0;
        information = 0;
        resultSocket = null;
        resultAddress = null;
        resultOption = null;
        resultValue = null;
        resultAddresses = List.of();
        pendingReturned = false;
        status = NtStatus.PENDING;
        naming = name;
        if (name != null) {
            socketless = name.provider;
            pendingReturned = true; // it completes on an I/O thread, never inside the dispatch call
        }
        if (cancelAfterNanos != 0 && socket != null) {
            stampDeadline(socket.loop); // SPEC N2: from the dispatch call; the loop arms it when it takes the IRP up
        }
        if (socket != null) {
            socket.provider.observer.dispatched(this, socket);
        }
        state = op.cancellable ? PENDING : ACTIVE;
    }

    /** Undoes {@link #begin} for an IRP that was never queued: it is the caller's again (SPEC B1). */
    void abandon() {
        operation = null;
        target = null;
        flightEvent = null; // begun by the dispatch call that gives up: never committed
        status = NtStatus.SUCCESS;
        state = READY;
    }

    /** The checks of {@link #begin} alone, for calls that must validate the IRP before doing anything else. */
    void checkStartable(Operation op) {
        int s = state;
        if (s == COMPLETED) {
            throw new IllegalStateException(
                    "This IRP has completed and was not reused: call reuse(status) and setCompletionRoutine(...) before"
                            + " passing it to " + op.wskName + " (SPEC I5)");
        }
        if (s != READY) {
            throw new IllegalStateException(misuse(s, "be passed to " + op.wskName));
        }
        if (routine == null) {
            throw new IllegalStateException("This IRP has no completion routine: call setCompletionRoutine(...) before"
                    + " passing it to " + op.wskName + " (SPEC B1)");
        }
    }

    void markPendingReturned() {
        pendingReturned = true;
    }

    /** PENDING to ACTIVE: the loop is about to move bytes for this IRP. False if a cancel won. */
    boolean claim() {
        int s = state;
        if (s == ACTIVE || (s == PENDING && STATE.compareAndSet(this, PENDING, ACTIVE))) {
            return true;
        }
        if (state != CANCELLING) {
            throw new IllegalStateException("internal error: a queued IRP is " + this);
        }
        return false;
    }

    /** ACTIVE back to PENDING: nothing was moved, so a cancel may take effect again. */
    void unclaim() {
        STATE.compareAndSet(this, ACTIVE, PENDING);
    }

    boolean isCancelling() {
        return state == CANCELLING;
    }

    <T> void setResultOption(WskOption<T> option, T value) {
        resultOption = option;
        resultValue = value;
    }

    void setResultAddresses(List<InetSocketAddress> addresses) {
        resultAddresses = addresses;
    }

    void setResultSocket(WskBasicSocket socket) {
        resultSocket = socket;
    }

    void setResultAddress(SocketAddress address) {
        resultAddress = address;
    }

    /**
     * Completes the IRP once: sets the IoStatus block, tells the provider's observer, runs the routine if its invoke
     * flag says so, and checks the routine's answer (SPEC I2, I4). A cancel that already won turns the outcome into
     * CANCELLED with information 0.
     *
     * @return the status the IRP completed with
     */
    NtStatus complete(NtStatus finalStatus, long finalInformation) {
        int s;
        do {
            s = state;
            if (s != PENDING && s != ACTIVE && s != CANCELLING) {
                throw new IllegalStateException("internal error: " + operation + " IRP completed twice (state " + s + ")");
            }
        } while (!STATE.compareAndSet(this, s, COMPLETING));
        if (deadlineIndex >= 0) {
            disarmDeadline(); // SPEC N2
        }
        EngineSocket socket = target;
        if (s == CANCELLING) {
            // only a WAITALL receive can have moved bytes while still cancellable; they are reported, not lost
            finalStatus = NtStatus.CANCELLED;
            finalInformation = transferred;
            resultSocket = null;
        }
        if (buffer != null) {
            buffer.finish();
            buffer = null;
        }
        status = finalStatus;
        information = finalInformation;
        // SPEC I2: the dispatch call that started this IRP may still be on this thread's stack (an operation the loop
        // ran at once); it then returns the final status, and pendingReturned() says false. Only the loop knows, since
        // the call reached this thread through it.
        if (socket != null && socket.loop.completedSynchronously(this, finalStatus)) {
            pendingReturned = false;
        }
        EngineProvider owner = socket != null ? socket.provider : socketless;
        socketless = null;
        boolean invoke = finalStatus == NtStatus.CANCELLED
                ? invokeOnCancel
                : finalStatus.isSuccess() ? invokeOnSuccess : invokeOnError;
        Object watch = null;
        if (owner != null) {
            try {
                watch = owner.observer.completed(this, socket, finalStatus, finalInformation, invoke);
            } catch (Throwable t) { // the IRP is COMPLETING: it must still become COMPLETED and run its routine
                ErrorChannel.report(owner.errors, "An observer of the provider (stats, Flight Recorder, verifier,"
                        + " trace) failed at the completion of " + operation + "; the IRP completes all the same", t);
            }
        }
        target = null;
        endpoint = null;
        optionArgument = null; // the runtime keeps no reference to the application's values past completion (C4)
        acceptContext = null;
        acceptDispatch = null;
        // read before publishing COMPLETED: from then on the routine may reuse the IRP and dispatch it again
        CompletionRoutine<Object> r = routine;
        Object c = context;
        Operation op = operation;
        state = COMPLETED;
        if (invoke) {
            runRoutine(r, c, op, socket, owner, watch);
        }
        return finalStatus;
    }

    /** {@code watch}: what the observer's {@code completed} returned, handed back when the routine has returned. */
    private void runRoutine(CompletionRoutine<Object> r, Object c, Operation op, EngineSocket socket,
            EngineProvider owner, Object watch) {
        ErrorChannel errors = owner == null ? null : owner.errors;
        NtStatus answer = null;
        try {
            answer = r.onComplete(this, c);
        } catch (Throwable t) { // Errors too: user code must never end the I/O thread (SPEC B3)
            ErrorChannel.report(errors, "The completion routine of a " + nameOf(op)
                    + "IRP threw; catch exceptions inside completion routines", t);
        } finally {
            if (owner != null && owner.observer.routineReturned(watch, r, answer)) {
                answer = NtStatus.MORE_PROCESSING_REQUIRED; // the observer (the verifier, SPEC V2) reported it
            }
        }
        if (answer != null && answer != NtStatus.MORE_PROCESSING_REQUIRED) {
            ErrorChannel.report(errors, "Completion routine contract broken", new IllegalStateException(
                    "The completion routine of a " + nameOf(op) + "IRP" + (socket == null ? "" : " of " + socket)
                            + " returned " + answer + "; a routine for an IRP the application allocated must"
                            + " free() or reuse() it and return MORE_PROCESSING_REQUIRED (SPEC I4). The IRP is"
                            + " treated as retained by the application."));
        }
    }

    private static String nameOf(Operation op) {
        return op == null ? "" : op.wskName + " ";
    }

    @Override
    public String toString() {
        String[] names = {"READY", "PENDING", "ACTIVE", "CANCELLING", "COMPLETING", "COMPLETED", "FREED", "BEGINNING"};
        return "Irp[" + names[state] + (operation == null ? "" : ", " + operation.wskName) + ", " + status + "]";
    }

    @Override
    void runOnLoop() {
        EngineSocket socket = target;
        socket.execute(this);
    }
}
