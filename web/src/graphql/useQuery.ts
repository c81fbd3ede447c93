// A small hook over `request`: loading, error and data for one typed document and its variables,
// re-run when the variables change or `reload` is called. Enough for an admin console; no cache.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { useCallback, useEffect, useState } from "react";
import { GraphQLRequestError, request } from "./client";

export interface QueryState<T> {
  data: T | null;
  error: GraphQLRequestError | null;
  loading: boolean;
  reload: () => void;
}

export function useQuery<TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
  options: { skip?: boolean } = {},
): QueryState<TResult> {
  const [data, setData] = useState<TResult | null>(null);
  const [error, setError] = useState<GraphQLRequestError | null>(null);
  const [loading, setLoading] = useState(!options.skip);
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (options.skip) {
      setLoading(false);
      return;
    }
    let live = true;
    setLoading(true);
    setError(null);
    request(document, variables)
      .then((result) => live && setData(result))
      .catch((e: unknown) => live && setError(asRequestError(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [document, key, generation, options.skip]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload };
}

export function asRequestError(e: unknown): GraphQLRequestError {
  if (e instanceof GraphQLRequestError) return e;
  return new GraphQLRequestError([{ message: e instanceof Error ? e.message : String(e), code: null, path: null }]);
}
