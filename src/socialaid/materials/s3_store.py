"""Any S3-compatible object store (MinIO, OSS, COS, AWS S3) by settings, through aiobotocore:
presigned PUT and GET URLs for clients, and the API's own reads, copies and deletes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import quote

from aiobotocore.config import AioConfig
from aiobotocore.session import get_session
from botocore.exceptions import ClientError

from socialaid.materials.storage import SignedRequest


class S3Store:
    def __init__(
        self,
        *,
        endpoint: str | None,
        public_endpoint: str | None = None,
        bucket: str,
        region: str,
        access_key: str | None,
        secret_key: str | None,
        path_style: bool,
    ) -> None:
        self.endpoint = endpoint
        # Presigned URLs name the host they were signed for: the one clients reach.
        self.public_endpoint = public_endpoint or endpoint
        self.bucket = bucket
        self.region = region
        self.access_key = access_key
        self.secret_key = secret_key
        self.config = AioConfig(
            signature_version="s3v4",
            s3={"addressing_style": "path" if path_style else "virtual"},
        )
        self.session = get_session()

    @asynccontextmanager
    async def _client(self, *, public: bool = False) -> AsyncIterator[Any]:
        async with self.session.create_client(
            "s3",
            endpoint_url=self.public_endpoint if public else self.endpoint,
            region_name=self.region,
            aws_access_key_id=self.access_key,
            aws_secret_access_key=self.secret_key,
            config=self.config,
        ) as client:
            yield client

    async def put_url(
        self, key: str, *, content_type: str, byte_size: int, expires_in: int, base_url: str
    ) -> SignedRequest:
        async with self._client(public=True) as client:
            url = await client.generate_presigned_url(
                "put_object",
                Params={"Bucket": self.bucket, "Key": key, "ContentType": content_type},
                ExpiresIn=expires_in,
            )
        return SignedRequest(str(url), {"Content-Type": content_type})

    async def get_url(
        self, key: str, *, file_name: str, content_type: str, expires_in: int, base_url: str
    ) -> str:
        async with self._client(public=True) as client:
            url = await client.generate_presigned_url(
                "get_object",
                Params={
                    "Bucket": self.bucket,
                    "Key": key,
                    "ResponseContentType": content_type,
                    "ResponseContentDisposition": content_disposition(file_name),
                },
                ExpiresIn=expires_in,
            )
        return str(url)

    async def read(self, key: str, *, limit: int) -> bytes | None:
        async with self._client() as client:
            try:
                response = await client.get_object(
                    Bucket=self.bucket, Key=key, Range=f"bytes=0-{limit}"
                )
            except ClientError as error:
                code = error.response.get("Error", {}).get("Code")
                if code in ("NoSuchKey", "404"):
                    return None
                if code == "InvalidRange":  # an empty object has no byte 0
                    return b""
                raise
            async with response["Body"] as body:
                data: bytes = await body.read()
        return data

    async def promote(self, source: str, target: str) -> None:
        async with self._client() as client:
            await client.copy_object(
                Bucket=self.bucket, Key=target, CopySource={"Bucket": self.bucket, "Key": source}
            )
            await client.delete_object(Bucket=self.bucket, Key=source)

    async def delete(self, key: str) -> None:
        async with self._client() as client:
            await client.delete_object(Bucket=self.bucket, Key=key)


def content_disposition(file_name: str) -> str:
    """An attachment header that keeps a Chinese file name (RFC 6266 / RFC 5987)."""
    ascii_name = "".join(
        c if c.isprintable() else "_" for c in file_name.encode("ascii", "replace").decode()
    ).replace('"', "'")  # a CR or LF in a header is refused by the server (a dropped answer)
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(file_name)}"
