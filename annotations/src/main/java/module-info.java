/**
 * wsk4j annotations: mark the methods of a class as WSK completion and event handlers; the wsk4j processor
 * generates a typed dispatch class for them. Every annotation has CLASS retention: nothing is read at run time.
 */
module io.wsk4j.annotations {
    exports io.wsk4j.annotations;
}
