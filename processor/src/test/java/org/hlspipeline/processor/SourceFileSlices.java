package org.hlspipeline.processor;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * ArchUnit slices of one source file each: a class with its nested classes, which may well refer to each other.
 * Every module's {@code ArchitectureTest} checks with it that no two files depend on each other around a loop;
 * public, in processor's test jar, so that each module states its rules and none repeats this.
 */
public final class SourceFileSlices implements SliceAssignment {

    private final String rootPackage;

    private SourceFileSlices(String rootPackage) {
        this.rootPackage = rootPackage;
    }

    /** The source files of {@code rootPackage} and its sub-packages; classes elsewhere are ignored. */
    public static SourceFileSlices under(String rootPackage) {
        return new SourceFileSlices(rootPackage);
    }

    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
        String pkg = javaClass.getPackageName();
        if (!pkg.equals(rootPackage) && !pkg.startsWith(rootPackage + ".")) {
            return SliceIdentifier.ignore();
        }
        JavaClass outer = javaClass;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return SliceIdentifier.of(outer.getName());
    }

    @Override
    public String getDescription() {
        return "source files of " + rootPackage;
    }
}
