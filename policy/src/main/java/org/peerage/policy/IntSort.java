package org.peerage.policy;

/** Sorts an array of int indices by a comparator over what they index, without boxing (a stable merge sort). */
public final class IntSort {
    @FunctionalInterface
    public interface IndexComparator {
        int compare(int a, int b);
    }

    private IntSort() {
    }

    public static void sort(int[] idx, int from, int to, IndexComparator cmp) {
        if (to - from < 2) {
            return;
        }
        int[] tmp = new int[to - from];
        mergeSort(idx, tmp, from, to, cmp);
    }

    public static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    private static void mergeSort(int[] a, int[] tmp, int from, int to, IndexComparator cmp) {
        int n = to - from;
        if (n <= 16) {
            for (int i = from + 1; i < to; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= from && cmp.compare(a[j], v) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid, cmp);
        mergeSort(a, tmp, mid, to, cmp);
        if (cmp.compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, from, tmp, 0, n);
        int i = 0, j = mid - from, k = from;
        int iEnd = mid - from, jEnd = n;
        while (i < iEnd && j < jEnd) {
            a[k++] = cmp.compare(tmp[j], tmp[i]) < 0 ? tmp[j++] : tmp[i++];
        }
        while (i < iEnd) {
            a[k++] = tmp[i++];
        }
        while (j < jEnd) {
            a[k++] = tmp[j++];
        }
    }
}
