"""A revoked LangWatch virtual key keeps working at the gateway until the revocation propagates
(60 s by the mock's clock), then fails; a Vine key fails at once. No real sleeps: the tests move
their session's clock."""
import httpx


def test_revoked_virtual_key_fails_at_the_gateway_after_propagation(mock):
    project = mock.credentials["project"]
    key = mock.credentials["demo"]["virtual_key"]
    gateway = httpx.Client(base_url=mock.url, headers={"Authorization": f"Bearer {key['secret']}"})

    mock.clock(frozen=True)  # time moves only when the test says so
    revoked = mock.http.post(
        f"/api/gateway/v1/virtual-keys/{key['id']}/revoke",
        headers={"X-Auth-Token": project["api_key"]},
    )
    assert revoked.status_code == 200
    assert revoked.json()["virtual_key"]["status"] == "revoked"

    mock.clock(advance_ms=59_999)
    assert gateway.get("/v1/models").status_code == 200  # not propagated yet
    mock.clock(advance_ms=1)
    refused = gateway.get("/v1/models")
    assert refused.status_code == 401
    assert refused.json()["error"]["type"] == "virtual_key_revoked"


def test_rotated_out_secret_works_for_exactly_the_grace_window(mock):
    project = mock.credentials["project"]
    key = mock.credentials["demo"]["virtual_key"]
    mock.clock(frozen=True)
    rotated = mock.http.post(
        f"/api/gateway/v1/virtual-keys/{key['id']}/rotate",
        headers={"X-Auth-Token": project["api_key"]},
    ).json()

    def models(secret):
        return httpx.get(f"{mock.url}/v1/models", headers={"x-api-key": secret}).status_code

    mock.clock(advance_ms=86_400_000 - 1)
    assert models(key["secret"]) == 200
    mock.clock(advance_ms=1)
    assert models(key["secret"]) == 401
    assert models(rotated["secret"]) == 200


def test_revoked_vine_key_fails_at_once(mock):
    key = mock.credentials["demo"]["vine_key"]
    detect = {"url": "https://studio.example/"}
    bearer = {"Authorization": f"Bearer {key['plaintext']}"}
    assert mock.http.post("/api/v1/detect", json=detect, headers=bearer).status_code == 200
    assert mock.http.post(f"/api/v1/keys/{key['id']}/revoke").status_code == 200
    assert mock.http.post("/api/v1/detect", json=detect, headers=bearer).status_code == 401


def test_sessions_do_not_share_state(mock, mock_url):
    key = mock.credentials["demo"]["virtual_key"]
    mock.http.post(
        f"/api/gateway/v1/virtual-keys/{key['id']}/revoke",
        headers={"X-Auth-Token": mock.credentials["project"]["api_key"]},
    )
    other = httpx.get(f"{mock_url}/__session/someone-else/__mock/credentials").json()
    assert other["demo"]["virtual_key"]["secret"] != key["secret"]
    httpx.delete(f"{mock_url}/__mock/sessions/someone-else")
