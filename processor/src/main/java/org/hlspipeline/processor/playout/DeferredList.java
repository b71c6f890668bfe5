package org.hlspipeline.processor.playout;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Supplier;

/**
 * An immutable list whose size is known now and whose elements are produced on first use. It lets the channel
 * store hand the engine a queue of fifty items without decoding them: a boundary that airs the next segment of
 * the current item only asks whether the queue is empty, and passes the list on untouched.
 *
 * <p>The elements are produced at most once per list (a race may produce them twice, with equal results). Two
 * deferred lists are equal when their elements are, as for any list; a list compared with itself is equal
 * without producing anything, which is how the store tells that a queue has not changed.
 */
public final class DeferredList<E> extends AbstractList<E> implements RandomAccess {

    private final int size;
    private Supplier<List<E>> source;
    private volatile List<E> elements;

    public DeferredList(int size, Supplier<List<E>> source) {
        if (size < 0) {
            throw new IllegalArgumentException("size " + size);
        }
        this.size = size;
        this.source = source;
    }

    /** {@code list} itself when it is already immutable (a deferred list, or one {@link List#copyOf} made). */
    static <E> List<E> immutable(List<E> list) {
        return list instanceof DeferredList<E> ? list : List.copyOf(list);
    }

    /** Whether the elements have been produced; for tests and benchmarks that check what a boundary decodes. */
    public boolean produced() {
        return elements != null;
    }

    @Override
    public E get(int index) {
        return elements().get(index);
    }

    @Override
    public int size() {
        return size;
    }

    private List<E> elements() {
        List<E> list = elements;
        if (list == null) {
            list = List.copyOf(source.get());
            if (list.size() != size) {
                throw new IllegalStateException("expected " + size + " elements, got " + list.size());
            }
            elements = list;
            source = null;
        }
        return list;
    }
}
