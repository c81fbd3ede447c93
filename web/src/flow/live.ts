// The application's live status: `applicationUpdated` over graphql-transport-ws on /graphql of
// this origin, the token in connection_init (browsers cannot set headers on the upgrade).
import { print } from "graphql";
import { createClient } from "graphql-ws";
import { useEffect, useState } from "react";
import type { FlowApplicationFragment } from "../gql/graphql";
import { FlowApplicationUpdatedDocument } from "./operations";

export type LiveStatus = "connecting" | "live" | "closed";

export function useLiveApplication(id: string, token: string | null) {
  const [application, setApplication] = useState<FlowApplicationFragment | null>(null);
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
    const client = createClient({
      url: `${scheme}//${window.location.host}/graphql`,
      connectionParams: token ? { Authorization: `Bearer ${token}` } : {},
      retryAttempts: 3,
    });
    setStatus("connecting");
    const stop = client.subscribe<{ applicationUpdated: FlowApplicationFragment }>(
      { query: print(FlowApplicationUpdatedDocument), variables: { id } },
      {
        next: (result) => {
          if (result.errors?.length) setError(result.errors.map((e) => e.message).join("；"));
          if (result.data) {
            setApplication(result.data.applicationUpdated);
            setStatus("live");
          }
        },
        error: (e: unknown) => {
          setError(e instanceof Error ? e.message : "实时连接中断");
          setStatus("closed");
        },
        complete: () => setStatus("closed"),
      },
    );
    return () => {
      stop();
      void client.dispose();
    };
  }, [id, token]);
  return { application, status, error };
}
